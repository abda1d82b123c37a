/**
 * The explorer: search an actor, see its network, expand it, read the evidence, follow paths, filter by
 * date, share the view. This module wires the parts together and owns the view's state.
 */
import type { GraphNode } from './api';
import { busy, byId, download, h } from './dom';
import { GraphView } from './graph';
import { KIND_STYLE, KINDS, kindIcon } from './kinds';
import { Panel, type NodeDetail } from './panel';
import { PassageSearch } from './passages';
import { PathMode, renderPaths } from './paths';
import { findPaths, kindOfId, neighbourhood, nodeDetail, nodeSummary, PER_NODE } from './queries';
import { friendly, SearchBox } from './search';
import { Timeline } from './timeline';
import { Editor } from './editor';
import { Duplicates } from './duplicates';
import { initialExpansions, readView, writeView, type ViewState } from './url';

const MAX_PER_NODE = 200;

class Explorer {
  readonly graph: GraphView;
  readonly panel: Panel;
  readonly search: SearchBox;
  readonly passages: PassageSearch;
  readonly timeline: Timeline;
  readonly paths: PathMode;
  readonly editor: Editor;
  readonly duplicates: Duplicates;
  /** Expanded nodes and how many of their relationships are shown. */
  private readonly expanded = new Map<string, number>();
  private selected: string | null = null;
  private path: [GraphNode, GraphNode] | null = null;
  private readonly graphStatus = byId('graph-status');

  constructor() {
    this.graph = new GraphView(byId('cy'), {
      onNode: (id, expand) => void this.selectNode(id, expand),
      onEdge: (id) => this.selectEdge(id),
      onMore: (hub) => void this.more(hub),
      onBackground: () => this.unselect(),
    });
    this.panel = new Panel(byId('panel'), {
      open: (id) => void this.open(id),
      expand: (id) => void this.expand(id),
      pathFrom: (node) => {
        this.paths.setEnds(node, null);
        this.paths.show(true);
        byId<HTMLInputElement>('path-to').focus();
      },
    });
    this.search = new SearchBox({
      input: byId<HTMLInputElement>('q'),
      list: byId<HTMLUListElement>('q-results'),
      status: byId('q-status'),
      onChoose: (node) => void this.start(node),
    });
    this.passages = new PassageSearch({
      input: byId<HTMLInputElement>('pq'),
      list: byId<HTMLUListElement>('pq-results'),
      status: byId('pq-status'),
      open: (id) => void this.open(id),
    });
    this.timeline = new Timeline({
      list: byId<HTMLOListElement>('timeline'),
      form: byId<HTMLFormElement>('date-filter'),
      from: byId<HTMLInputElement>('date-from'),
      to: byId<HTMLInputElement>('date-to'),
      clear: byId<HTMLButtonElement>('date-clear'),
      onlyActor: byId<HTMLInputElement>('timeline-actor'),
      status: byId('date-status'),
      actor: () => {
        const n = this.selected ? this.graph.node(this.selected) : undefined;
        return n && (n.kind === 'Person' || n.kind === 'Organisation') ? n : null;
      },
      onRange: () => {
        this.applyDates();
        this.save();
      },
      onOpen: (id) => void this.open(id),
    });
    this.paths = new PathMode({ find: (from, to, shortest) => void this.showPaths(from, to, shortest) });
    this.duplicates = new Duplicates({ open: (id) => void this.start(id) });
    this.editor = new Editor({ open: (id) => void this.start(id), signedIn: (token) => this.duplicates.signedIn(token) });
    this.legend();
    this.tools();
    this.panel.clear('Search for a person, an organisation or an agreement, then click a node to expand it and read its evidence here.');
    // Escape in the panel goes back to the graph, where the arrow keys continue.
    byId('panel').addEventListener('keydown', (e) => {
      if (e.key === 'Escape') byId('cy').focus();
    });
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        byId('q').focus();
      }
    });
  }

  /** A search hit: a fresh graph centred on it and its neighbourhood. */
  async start(hit: GraphNode | string): Promise<void> {
    const node = typeof hit === 'string' ? { id: hit, kind: '', label: hit } : hit;
    this.graph.clear();
    this.expanded.clear();
    this.path = null;
    this.graph.clearHighlight();
    this.selected = node.id;
    // The neighbourhood and the details are fetched together.
    await Promise.all([this.expand(node.id), this.refreshPanel(true, node)]);
    if (this.selected === node.id) {
      this.graph.select(node.id);
      this.timeline.actorChanged();
      this.save();
    }
  }

  async expand(id: string, perNode = PER_NODE): Promise<void> {
    await busy(async () => {
      this.setStatus(`Loading the neighbours of ${this.graph.node(id)?.label ?? id}…`);
      try {
        const n = await neighbourhood(id, perNode);
        this.graph.merge(n.nodes, n.edges, id);
        this.expanded.set(id, perNode);
        this.graph.markExpanded(id);
        this.graph.setMore(id, perNode < MAX_PER_NODE ? n.hidden : 0);
        this.applyDates();
        await this.graph.layout([id]);
        this.setStatus(`${n.center.label}: ${n.nodes.length - 1} neighbour${n.nodes.length === 2 ? '' : 's'} shown${n.hidden ? `, ${n.hidden} more not shown` : ''}.`);
        this.hideEmpty();
        if (this.selected === id) this.panel.relink(id, this.graph.links(id), true);
      } catch (err) {
        this.setStatus(friendly(err), true);
      }
      this.save();
    });
  }

  private async more(hub: string): Promise<void> {
    const shown = this.expanded.get(hub) ?? PER_NODE;
    await this.expand(hub, Math.min(MAX_PER_NODE, shown + PER_NODE));
  }

  /** Opens a node named in the panel or the timeline: drawn with its neighbours if it is not yet on screen. */
  async open(id: string): Promise<void> {
    if (!this.graph.has(id)) await this.expand(id);
    else await this.graph.view([id]);
    await this.selectNode(id, false);
  }

  /** `fetched`: the node's details asked already (a shared view's selection, see restore). */
  async selectNode(id: string, expand: boolean, fetched?: Promise<NodeDetail | null>): Promise<void> {
    this.selected = id;
    this.graph.select(id);
    this.timeline.actorChanged();
    this.save();
    // The details and the neighbours are fetched together; the panel's list of drawn links follows the graph.
    await Promise.all([expand && !this.expanded.has(id) ? this.expand(id) : null, this.refreshPanel(true, undefined, fetched)]);
  }

  private async refreshPanel(focus = false, known?: GraphNode, fetched?: Promise<NodeDetail | null>): Promise<void> {
    const id = this.selected;
    if (!id) return;
    const node = this.graph.node(id) ?? (known?.id === id ? known : undefined);
    if (!node) return;
    await busy(async () => {
      if (focus && !fetched) this.panel.loading(node.label);
      try {
        const detail = await (fetched ?? nodeDetail(id, node.kind));
        if (this.selected !== id) return;
        if (!detail) {
          this.panel.error(`${node.label} is no longer in Accords.`);
          return;
        }
        this.panel.showNode(detail, this.graph.links(id), this.expanded.has(id));
        if (focus) this.editor.nodeShown(node);
        if (focus) void this.duplicates.nodeShown(node);
        if (focus && document.activeElement === document.body) this.panel.focusTitle();
      } catch (err) {
        if (this.selected === id) this.panel.error(friendly(err));
      }
    });
  }

  selectEdge(id: string): void {
    const edge = this.graph.edge(id);
    if (!edge) return;
    this.selected = id;
    this.graph.select(id);
    this.panel.showEdge(edge, this.graph.node(edge.from), this.graph.node(edge.to));
    this.timeline.actorChanged();
    this.save();
  }

  unselect(): void {
    this.selected = null;
    this.graph.select(null);
    this.timeline.actorChanged();
    this.panel.clear('Click a node or a relationship to see its details and evidence.');
    this.save();
  }

  async showPaths(from: GraphNode, to: GraphNode, shortestOnly: boolean): Promise<void> {
    await busy(async () => {
      this.paths.message(`Looking for paths from ${from.label} to ${to.label}…`);
      try {
        const search = await findPaths(from.id, to.id, shortestOnly, 8);
        const found = search.paths;
        this.path = [from, to];
        this.graph.clear();
        this.expanded.clear();
        this.selected = null;
        for (const p of found) this.graph.merge(p.nodes, p.edges, p.nodes[0]?.id);
        if (!found.length) this.graph.merge([from, to], []);
        this.applyDates();
        const highlight = (i: number | null) => {
          const chosen = i === null ? found : found.slice(i, i + 1);
          this.graph.highlight(
            chosen.flatMap((p) => p.nodes.map((n) => n.id)),
            chosen.flatMap((p) => p.edges.map((e) => e.id)),
          );
        };
        await this.graph.layout(undefined, { root: from.id });
        highlight(null);
        renderPaths(this.panel, from, to, search, highlight);
        this.hideEmpty();
        this.paths.message(
          found.length
            ? `${found.length} path${found.length > 1 ? 's' : ''} from ${from.label} to ${to.label}, highlighted in red.`
            : search.outcome === 'STOPPED_AT_LIMIT'
              ? `The search between ${from.label} and ${to.label} stopped at its limit before finding a path.`
              : `No path within ${search.maxLength} relationships between ${from.label} and ${to.label}.`,
          !found.length,
        );
        this.setStatus('');
      } catch (err) {
        this.paths.message(friendly(err), true);
      }
      this.save();
    });
  }

  private applyDates(): void {
    const { from, to } = this.timeline.range;
    const hidden = this.graph.filterDates(from, to);
    this.timeline.status(from || to ? `${hidden} node${hidden === 1 ? '' : 's'} outside the range hidden in the graph.` : '');
  }

  /** The view as a URL: selected node, expanded nodes (with their order), date range, path ends. */
  view(): ViewState {
    const { from, to } = this.timeline.range;
    return {
      selected: this.selected ?? undefined,
      expanded: [...this.expanded.keys()],
      from,
      to,
      path: this.path ? [this.path[0].id, this.path[1].id] : undefined,
    };
  }

  private save(): void {
    writeView(this.view());
  }

  /**
   * A shared view's selected node's details, asked at once and drawn in the panel when they come, unless
   * something else is selected by then; null for a path, or a relationship (its id names two nodes).
   */
  private detailsFirst(v: ViewState): Promise<NodeDetail | null> | undefined {
    const id = v.selected;
    const kind = id && !v.path && !id.includes('|') ? kindOfId(id) : undefined;
    if (!id || !kind) return undefined;
    const detail = nodeDetail(id, kind);
    void detail.then(
      (d) => {
        if (d && (this.selected === null || this.selected === id)) this.panel.showNode(d, this.graph.links(id), this.expanded.has(id));
      },
      () => undefined, // selectNode reports it
    );
    return detail;
  }

  /** Rebuilds a shared view: the path, or the expanded nodes (fetched together, laid out once), then the selection. */
  async restore(v: ViewState): Promise<void> {
    this.timeline.setRange(v.from, v.to);
    await busy(async () => {
      if (v.path) {
        const [a, b] = await Promise.all(v.path.map((id) => nodeSummary(id).catch(() => null)));
        if (a && b) {
          this.paths.setEnds(a, b);
          this.paths.show(true);
          await this.showPaths(a, b, true);
        }
      }
      const ids = initialExpansions(v);
      // The selected node's details (prefetch.js asked them with the neighbourhoods) are drawn as soon as they
      // come, not after the graph is laid out; its drawn links join them once it is.
      const early = this.detailsFirst(v);
      if (ids.length) {
        this.setStatus('Loading the shared view…');
        const results = await Promise.allSettled(ids.map((id) => neighbourhood(id, PER_NODE)));
        const failed: string[] = [];
        results.forEach((r, i) => {
          const id = ids[i]!;
          if (r.status === 'rejected') return failed.push(id);
          this.graph.merge(r.value.nodes, r.value.edges, ids[0]);
          this.expanded.set(id, PER_NODE);
          this.graph.markExpanded(id);
          this.graph.setMore(id, r.value.hidden);
        });
        this.applyDates();
        await this.graph.layout(v.selected ? [v.selected] : undefined);
        this.hideEmpty();
        this.setStatus(failed.length ? `Could not load ${failed.join(', ')}: ${friendly((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)}` : '', failed.length > 0);
      }
      if (v.selected && this.graph.has(v.selected)) {
        if (this.graph.node(v.selected)) await this.selectNode(v.selected, false, early);
        else this.selectEdge(v.selected);
      } else if (v.selected && !v.path && /^[a-z]+-/.test(v.selected)) {
        // A node left out by a hub cap (or a relationship's id): draw the node with its own neighbours.
        const node = await nodeSummary(v.selected).catch(() => null);
        if (node) await this.open(node.id);
      }
    });
    this.applyDates();
    this.save();
  }

  private setStatus(text: string, problem = false): void {
    this.graphStatus.textContent = text;
    this.graphStatus.classList.toggle('problem', problem);
  }

  private hideEmpty(): void {
    byId('graph-empty').hidden = this.graph.size > 0;
  }

  private legend(): void {
    byId('legend').append(
      h('h2', { class: 'sr-only' }, 'Legend'),
      h(
        'ul',
        {},
        ...KINDS.map((kind) => h('li', { 'data-kind': kind, title: `${kind}: ${KIND_STYLE[kind].shape}` }, kindIcon(kind), ` ${kind}`)),
        h('li', {}, h('span', { class: 'more-icon', 'aria-hidden': 'true' }, '+N'), ' more (click)'),
      ),
    );
  }

  private tools(): void {
    byId('export-png').addEventListener('click', () => {
      if (!this.graph.size) return this.setStatus('Nothing to export yet: search for an actor first.', true);
      download('accords-graph.png', this.graph.png());
    });
    byId('export-json').addEventListener('click', () => {
      const data = { exported: new Date().toISOString(), url: location.href, view: this.view(), nodes: this.graph.nodes(), edges: this.graph.edges() };
      download('accords-graph.json', new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    });
    // The server writes these formats (GET /export/<format>): the selected node's neighbourhood at depth 1,
    // or the first expanded node's when a relationship is selected.
    const network = byId<HTMLSelectElement>('export-network');
    network.addEventListener('change', () => {
      const format = network.value;
      network.value = '';
      if (!format) return;
      const center = this.selected && this.graph.node(this.selected) ? this.selected : [...this.expanded.keys()][0];
      if (!center) return this.setStatus('Nothing to export yet: search for an actor first.', true);
      h('a', { href: `/export/${encodeURIComponent(format)}?center=${encodeURIComponent(center)}&depth=1` }).click();
    });
    byId('share').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        this.setStatus('Link to this view copied.');
      } catch {
        this.setStatus(`Share this link: ${location.href}`);
      }
    });
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
      button.addEventListener('click', () => void this.start(button.dataset.example!));
    }
  }
}

const explorer = new Explorer();
// Exposed for the browser tests and the curious: the graph and the app, nothing secret.
(window as unknown as { accords: unknown }).accords = { explorer, cy: explorer.graph.cy };
// The shared view first: the timeline waits so that both do not compete for the server at page load.
void explorer.restore(readView()).finally(() => explorer.timeline.load());
