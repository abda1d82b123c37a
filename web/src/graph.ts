/**
 * The network drawing: a Cytoscape.js graph that only grows by merging what the API returns, keeps the
 * positions of what is already on screen, and re-lays itself out so it stays readable as it grows.
 */
import cytoscape, { type Core, type EdgeSingular, type LayoutOptions, type NodeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode } from './api';
import { overlaps } from './dates';
import { KIND_STYLE, KINDS } from './kinds';

export interface GraphHandlers {
  /** A node was chosen: by a click (which also expands it) or by the arrow keys (which only select). */
  onNode(id: string, expand: boolean): void;
  onEdge(id: string): void;
  onMore(hubId: string): void;
  onBackground(): void;
}

const MORE = 'more:';

// Typed loosely: @types/cytoscape lags the library's shape names (round-rectangle …).
const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 11,
      // Labels too small to read are left out rather than drawn as smudges; zooming in brings them back.
      'min-zoomed-font-size': 6,
      color: '#111',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'round-rectangle',
      width: 26,
      height: 26,
      'border-width': 1.5,
      'border-color': '#1a1a1a',
    },
  },
  ...KINDS.map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': KIND_STYLE[kind].colour, shape: KIND_STYLE[kind].shape },
  })),
  { selector: 'node[kind = "Agreement"]', style: { width: 32, height: 32 } },
  {
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      'background-color': '#ffffff',
      'border-style': 'dashed',
      'border-width': 1.5,
      'border-color': '#444',
      width: 'data(width)',
      height: 18,
      padding: '4px',
      'text-valign': 'center',
      'text-margin-y': 0,
      'text-background-opacity': 0,
      'font-size': 10,
      'min-zoomed-font-size': 0,
      color: '#222',
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 3 } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#000', 'overlay-color': '#000', 'overlay-opacity': 0.08, 'overlay-padding': 6 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#8a8a8a',
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#8a8a8a',
      'arrow-scale': 0.8,
      label: 'data(type)',
      'font-size': 9,
      'min-zoomed-font-size': 6,
      color: '#333',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.more', style: { 'line-style': 'dashed', label: '', 'target-arrow-shape': 'none' } },
  { selector: 'edge:selected', style: { width: 4, 'line-color': '#000', 'target-arrow-color': '#000' } },
  { selector: '.faded', style: { opacity: 0.2 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#b00020' } },
  {
    selector: 'edge.on-path',
    style: { width: 4, 'line-color': '#b00020', 'target-arrow-color': '#b00020', color: '#b00020', 'font-size': 10 },
  },
  { selector: '.filtered', style: { display: 'none' } },
] as unknown as cytoscape.StylesheetJson;

export class GraphView {
  readonly cy: Core;
  private drawnOnce = false;
  private highlighted = false;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('more')) handlers.onMore(node.data('hub') as string);
      else handlers.onNode(node.id(), true);
    });
    this.cy.on('tap', 'edge', (e) => {
      const edge = e.target as EdgeSingular;
      if (!edge.hasClass('more')) handlers.onEdge(edge.id());
    });
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) handlers.onBackground();
    });
    container.addEventListener('keydown', (e) => this.onKey(e, handlers));
    // The container changes size with the page layout (path form, narrow screens), not only with the window.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  get size(): number {
    return this.cy.nodes().not('.more').length;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): GraphNode | undefined {
    const el = this.cy.getElementById(id);
    return el.nonempty() && el.isNode() ? (el.data('node') as GraphNode) : undefined;
  }

  edge(id: string): GraphEdge | undefined {
    const el = this.cy.getElementById(id);
    return el.nonempty() && el.isEdge() ? (el.data('edge') as GraphEdge) : undefined;
  }

  nodes(): GraphNode[] {
    return this.cy.nodes().not('.more').map((n) => n.data('node') as GraphNode);
  }

  edges(): GraphEdge[] {
    return this.cy.edges().not('.more').map((e) => e.data('edge') as GraphEdge);
  }

  /** Neighbours drawn around a node, with the relationship that joins them, for the panel's list. */
  links(id: string): Array<{ edge: GraphEdge; other: GraphNode; outgoing: boolean }> {
    const el = this.cy.getElementById(id);
    if (el.empty()) return [];
    return el
      .connectedEdges()
      .not('.more')
      .map((e) => {
        const edge = e.data('edge') as GraphEdge;
        const outgoing = edge.from === id;
        return { edge, outgoing, other: this.cy.getElementById(outgoing ? edge.to : edge.from).data('node') as GraphNode };
      })
      .filter((l) => !!l.other)
      .sort((a, b) => a.edge.type.localeCompare(b.edge.type) || a.other.label.localeCompare(b.other.label));
  }

  /** Adds what is missing, placing newcomers around `near` so the existing picture barely moves. */
  merge(nodes: GraphNode[], edges: GraphEdge[], near?: string): number {
    const anchor = near ? this.cy.getElementById(near) : undefined;
    const centre = anchor?.nonempty() ? anchor.position() : { x: 0, y: 0 };
    let added = 0;
    this.cy.batch(() => {
      for (const node of nodes) {
        const existing = this.cy.getElementById(node.id);
        if (existing.nonempty()) continue;
        // Spread on a golden-angle spiral, not at random: no two newcomers overlap (which would make cose
        // draw lots) and the same shared link draws the same picture.
        const angle = (hash(near ?? '') % 360) * (Math.PI / 180) + added * 2.39996;
        const radius = 70 + 12 * Math.sqrt(added);
        this.cy.add({
          group: 'nodes',
          data: { id: node.id, label: node.label, kind: node.kind, node },
          position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) },
        });
        added++;
      }
      for (const edge of edges) {
        if (this.has(edge.id) || !this.has(edge.from) || !this.has(edge.to)) continue;
        this.cy.add({ group: 'edges', data: { id: edge.id, source: edge.from, target: edge.to, type: edge.type, edge } });
      }
    });
    // Newcomers around a highlighted path stay in the background.
    if (this.highlighted) this.cy.elements().not('.on-path').addClass('faded');
    return added;
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  /** The "N more" handle of a hub whose neighbours were capped; hidden = 0 removes it. */
  setMore(hubId: string, hidden: number): void {
    const id = MORE + hubId;
    this.cy.remove(this.cy.getElementById(id));
    if (hidden <= 0 || !this.has(hubId)) return;
    const hub = this.cy.getElementById(hubId).position();
    this.cy.add([
      { group: 'nodes', classes: 'more', data: { id, hub: hubId, label: `+${hidden} more`, width: 14 + 6 * `+${hidden} more`.length }, position: { x: hub.x + 60, y: hub.y + 60 } },
      { group: 'edges', classes: 'more', data: { id: `${id}:edge`, source: hubId, target: id } },
    ]);
  }

  clear(): void {
    this.highlighted = false;
    this.cy.elements().remove();
  }

  /** Lays the visible graph out again; cose keeps current positions as its start, concentric for big graphs. */
  async layout(focus?: string[], tree?: { root: string }): Promise<void> {
    const visible = this.cy.elements().not('.filtered');
    if (visible.nodes().length === 0) return;
    const many = visible.nodes().length > 150;
    // Paths read best as a tree hanging from their start: one row per hop.
    const options: LayoutOptions = tree
      ? ({
          name: 'breadthfirst',
          roots: `#${CSS.escape(tree.root)}`,
          directed: false,
          spacingFactor: 1,
          avoidOverlap: true,
          nodeDimensionsIncludeLabels: true,
          // breadthfirst spaces rows as widely as columns; rows need only a label's height.
          transform: (_node: NodeSingular, p: { x: number; y: number }) => ({ x: p.x * 1.1, y: p.y * 0.75 }),
          animate: false,
          fit: false,
        } as LayoutOptions)
      : many
      ? { name: 'concentric', concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 24, animate: false, fit: false }
      : ({
          name: 'cose',
          animate: false,
          randomize: false,
          fit: false,
          nodeDimensionsIncludeLabels: true,
          idealEdgeLength: () => 110,
          nodeRepulsion: () => 12000,
          edgeElasticity: () => 100,
          gravity: 0.3,
          numIter: 1500,
          padding: 30,
        } as LayoutOptions);
    const layout = visible.layout(options);
    const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    await done;
    await this.view(focus);
  }

  /** Centres the view on some nodes and their neighbours (or fits everything). */
  async view(focus?: string[]): Promise<void> {
    let eles = this.cy.elements().not('.filtered');
    if (focus?.length) {
      const picked = this.collect(focus);
      if (picked.nonempty()) eles = picked.closedNeighborhood().not('.filtered');
    }
    if (!this.drawnOnce) {
      // The first picture is shown at once: no animation between page load and a drawn graph.
      this.cy.fit(eles, 40);
      if (this.cy.zoom() > 1.6) this.cy.zoom({ level: 1.6, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
      this.drawnOnce = true;
      this.cy.one('render', () => performance.mark('accords:first-graph'));
      return;
    }
    const anim = this.cy.animation({ fit: { eles, padding: 40 }, duration: 250 });
    await anim.play().promise();
    if (this.cy.zoom() > 1.6) this.cy.zoom({ level: 1.6, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  private collect(ids: string[]): cytoscape.CollectionReturnValue {
    let all = this.cy.collection();
    for (const id of ids) all = all.union(this.cy.getElementById(id));
    return all;
  }

  select(id: string | null): void {
    this.cy.elements(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** Puts paths forward: their nodes and edges stand out, everything else fades. */
  highlight(nodeIds: string[], edgeIds: string[]): void {
    this.clearHighlight();
    if (nodeIds.length === 0) return;
    this.highlighted = true;
    const on = this.collect([...nodeIds, ...edgeIds]);
    on.addClass('on-path');
    this.cy.elements().not(on).addClass('faded');
  }

  clearHighlight(): void {
    this.highlighted = false;
    this.cy.elements().removeClass('on-path faded');
  }

  /**
   * Hides dated nodes and relationships outside [from, to], and what hung only on them; undated nodes linked
   * to something still shown stay. Returns how many nodes were hidden.
   */
  filterDates(from?: string, to?: string): number {
    let hidden = 0;
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
      if (!from && !to) return;
      this.cy.nodes().not('.more').forEach((n) => {
        const date = (n.data('node') as GraphNode).date;
        if (date && !overlaps(date, from, to)) {
          n.addClass('filtered');
          hidden++;
        }
      });
      this.cy.edges().not('.more').forEach((e) => {
        const date = (e.data('edge') as GraphEdge).properties.date;
        if (typeof date === 'string' && !overlaps(date, from, to)) e.addClass('filtered');
      });
      // Undated nodes that were only there through hidden ones (an agreement's clauses, its commitments) go
      // too, unless the reader expanded them.
      this.cy.nodes().not('.more').not('.filtered').not('.expanded').forEach((n) => {
        if ((n.data('node') as GraphNode).date) return;
        const linked = n.connectedEdges().not('.more').not('.filtered').connectedNodes().not(n).not('.filtered');
        if (linked.empty() && n.connectedEdges().not('.more').nonempty()) {
          n.addClass('filtered');
          hidden++;
        }
      });
      // A handle whose hub is hidden goes with it.
      this.cy.nodes('.more').forEach((m) => {
        if (this.cy.getElementById(m.data('hub') as string).hasClass('filtered')) m.addClass('filtered');
      });
    });
    return hidden;
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 4000, maxHeight: 4000 });
  }

  /** Arrow keys move the selection to the nearest node in that direction; Enter expands it. */
  private onKey(e: KeyboardEvent, handlers: GraphHandlers): void {
    const selected = this.cy.nodes(':selected').not('.filtered');
    const visible = this.cy.nodes().not('.filtered');
    if (visible.empty()) return;
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const dir = dirs[e.key];
    if (dir) {
      e.preventDefault();
      if (selected.empty()) {
        const first = visible.not('.more')[0] ?? visible[0]!;
        this.pick(first, handlers);
        return;
      }
      const from = selected[0]!.position();
      let best: NodeSingular | undefined;
      let bestScore = Infinity;
      visible.forEach((n) => {
        if (n.selected()) return;
        const p = n.position();
        const dx = p.x - from.x;
        const dy = p.y - from.y;
        const along = dx * dir[0] + dy * dir[1];
        if (along <= 0) return;
        const across = Math.abs(dx * dir[1] - dy * dir[0]);
        const score = along + 2 * across;
        if (score < bestScore) {
          bestScore = score;
          best = n;
        }
      });
      if (best) this.pick(best, handlers);
    } else if (e.key === 'Enter' && selected.nonempty()) {
      e.preventDefault();
      const node = selected[0]!;
      if (node.hasClass('more')) handlers.onMore(node.data('hub') as string);
      else handlers.onNode(node.id(), true);
    } else if (e.key === 'Escape') {
      handlers.onBackground();
    }
  }

  private pick(node: NodeSingular, handlers: GraphHandlers): void {
    this.select(node.id());
    if (!node.hasClass('more')) handlers.onNode(node.id(), false);
    const ext = this.cy.extent();
    const p = node.position();
    if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) this.cy.center(node);
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
