/**
 * The side panel: what is known about the selected node or relationship, and every piece of evidence for
 * it — the quote and the document (title, date, publisher, file) it comes from.
 */
import type { Evidence, GraphEdge, GraphNode } from './api';
import { formatDate } from './dates';
import { append, h } from './dom';
import { kindIcon } from './kinds';

/** One line of a section: a linked node and/or a text, with the evidence that states it. */
export interface DetailItem {
  node?: GraphNode;
  text?: string;
  meta?: string;
  /** A text quoted from the sources (a clause's wording), shown as a quote. */
  quote?: string;
  evidence: Evidence[];
}

export interface DetailSection {
  title: string;
  items: DetailItem[];
  /** What to say when the list is empty, e.g. "Not stated in the sources". */
  empty?: string;
  /** The API list field it shows (`agreements`), for lists. */
  field?: string;
  /** How many there are in all, when `items` is a first page of them. */
  total?: number;
  /** Asks for the first `first` items (and the total again): "show all 38". */
  more?: (first: number) => Promise<{ items: DetailItem[]; total: number }>;
}

/** Beyond this many, "show all" grows the list a step at a time. */
const SHOW_ALL_UP_TO = 200;
const STEP = 100;
/** The most one list field answers (the API's bound on `first`). */
const MAX_SHOWN = 1000;

export interface NodeDetail {
  node: GraphNode;
  description?: string | null;
  aliases: string[];
  fields: Array<[string, string]>;
  evidence: Evidence[];
  /** How many quotes state the node in all, when `evidence` is a first page of them. */
  evidenceTotal?: number;
  /** Asks for its first `first` quotes: "show all 412". */
  moreEvidence?: (first: number) => Promise<Evidence[]>;
  sections: DetailSection[];
}

export interface PanelActions {
  open(id: string): void;
  expand(id: string): void;
  pathFrom(node: GraphNode): void;
}

export class Panel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  clear(message = ''): void {
    this.root.replaceChildren(h('p', { class: 'panel-hint' }, message));
  }

  loading(label: string): void {
    this.root.replaceChildren(h('p', { class: 'panel-hint', role: 'status' }, `Loading ${label}…`));
  }

  error(message: string): void {
    this.root.replaceChildren(h('p', { class: 'problem', role: 'alert' }, message));
  }

  private current: NodeDetail | null = null;

  /** Redraws the node on show with what the graph now draws around it (after an expansion), without a request. */
  relink(id: string, links: Array<{ edge: GraphEdge; other: GraphNode; outgoing: boolean }>, expanded: boolean): void {
    if (this.current?.node.id !== id || !this.root.querySelector(`[data-node="${CSS.escape(id)}"]`)) return;
    const scroll = this.root.scrollTop;
    this.showNode(this.current, links, expanded);
    this.root.scrollTop = scroll;
  }

  showNode(d: NodeDetail, links: Array<{ edge: GraphEdge; other: GraphNode; outgoing: boolean }>, expanded: boolean): void {
    this.current = d;
    const actor = d.node.kind === 'Person' || d.node.kind === 'Organisation';
    this.fill(
      h(
        'header',
        { class: 'panel-head', 'data-node': d.node.id },
        h('p', { class: 'panel-kind' }, kindIcon(d.node.kind), ` ${d.node.kind}`),
        h('h2', { id: 'panel-title', tabindex: '-1' }, d.node.label),
        d.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', d.aliases.join(' · ')) : null,
        h(
          'div',
          { class: 'panel-actions' },
          h('button', { type: 'button', onclick: () => this.actions.expand(d.node.id), disabled: expanded }, expanded ? 'Expanded' : 'Expand'),
          actor ? h('button', { type: 'button', onclick: () => this.actions.pathFrom(d.node) }, 'Paths from here') : null,
        ),
      ),
      d.description ? h('p', { class: 'description' }, d.description) : null,
      d.fields.length
        ? h('dl', { class: 'fields' }, ...d.fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
        : null,
      ...d.sections.map((s) => this.section(s)),
      links.length ? this.linksSection(links) : null,
      this.evidenceBlock('Evidence', d.evidence, d.evidenceTotal, d.moreEvidence),
    );
  }

  showEdge(edge: GraphEdge, from: GraphNode | undefined, to: GraphNode | undefined): void {
    const props = Object.entries(edge.properties).filter(([, v]) => v !== null && v !== undefined && v !== '');
    this.fill(
      h(
        'header',
        { class: 'panel-head' },
        h('p', { class: 'panel-kind' }, 'Relationship'),
        h('h2', { id: 'panel-title', tabindex: '-1' }, edge.type),
        h(
          'p',
          { class: 'edge-ends' },
          this.nodeButton(from ?? { id: edge.from, kind: '', label: edge.from }),
          ' → ',
          this.nodeButton(to ?? { id: edge.to, kind: '', label: edge.to }),
        ),
      ),
      props.length
        ? h(
            'dl',
            { class: 'fields' },
            ...props.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, k.toLowerCase().includes('date') ? formatDate(String(v)) : String(v))]),
          )
        : null,
      this.evidenceBlock('Evidence', edge.evidence),
    );
  }

  private fill(...children: Array<Node | null>): void {
    this.root.replaceChildren();
    append(this.root, ...children);
    this.root.scrollTop = 0;
  }

  /** Any prepared content (path results use it). */
  show(...children: Node[]): void {
    this.root.replaceChildren(...children);
  }

  focusTitle(): void {
    (this.root.querySelector('#panel-title') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  nodeButton(node: GraphNode): HTMLButtonElement {
    return h('button', { type: 'button', class: 'node-link', 'data-id': node.id, onclick: () => this.actions.open(node.id) }, node.kind ? kindIcon(node.kind) : null, node.label);
  }

  private section(s: DetailSection): HTMLElement {
    const total = s.total ?? s.items.length;
    const element: HTMLElement = h(
      'section',
      { class: 'detail-section', 'data-section': s.title, ...(s.field ? { 'data-field': s.field } : {}) },
      h('h3', {}, s.title, total ? h('span', { class: 'count' }, ` ${total}`) : null),
      s.items.length
        ? h(
            'ul',
            {},
            ...s.items.map((item) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { class: 'item-line' },
                  item.node ? this.nodeButton(item.node) : null,
                  item.text ? h('span', { class: 'item-text' }, item.node ? ` ${item.text}` : item.text) : null,
                  item.meta ? h('span', { class: 'item-meta' }, ` — ${item.meta}`) : null,
                ),
                item.quote ? h('blockquote', { class: 'clause-text', lang: 'fr' }, item.quote) : null,
                this.evidenceList(item.evidence, true),
              ),
            ),
          )
        : h('p', { class: 'empty' }, s.empty ?? 'None in the sources.'),
      this.moreButton(s, total, (): HTMLElement => element),
    );
    return element;
  }

  /** "Show all 38" under a list showing a first page: asks for the rest and redraws the section in place. */
  private moreButton(s: DetailSection, total: number, element: () => HTMLElement): HTMLElement | null {
    const shown = s.items.length;
    if (!s.more || shown >= total) return null;
    if (shown >= MAX_SHOWN) return h('p', { class: 'more-note' }, `The first ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} are shown.`);
    const all = total <= SHOW_ALL_UP_TO;
    const first = all ? total : Math.min(shown + STEP, MAX_SHOWN);
    const label = all ? `Show all ${total}` : `Show ${first - shown} more (${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')})`;
    const button = h('button', { type: 'button', class: 'show-more' }, label);
    button.onclick = async () => {
      button.disabled = true;
      button.textContent = 'Loading…';
      try {
        const page = await s.more!(first);
        s.items = page.items;
        s.total = page.total;
        const next = this.section(s);
        element().replaceWith(next);
        (next.querySelectorAll('li')[shown]?.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
      } catch (err) {
        button.disabled = false;
        button.textContent = label;
        element().append(h('p', { class: 'problem', role: 'alert' }, err instanceof Error ? err.message : String(err)));
      }
    };
    return h('p', { class: 'more' }, button);
  }

  private linksSection(links: Array<{ edge: GraphEdge; other: GraphNode; outgoing: boolean }>): HTMLElement {
    return h(
      'section',
      { class: 'detail-section', 'data-section': 'In the graph' },
      h('h3', {}, 'Drawn links', h('span', { class: 'count' }, ` ${links.length}`)),
      h(
        'ul',
        { class: 'links' },
        ...links.map((l) =>
          h(
            'li',
            {},
            h('span', { class: 'rel' }, l.outgoing ? `${l.edge.type} →` : `← ${l.edge.type}`),
            ' ',
            this.nodeButton(l.other),
          ),
        ),
      ),
    );
  }

  /** A node's or relationship's quotes; a node's come a page at a time (a hub is quoted by hundreds of documents). */
  private evidenceBlock(title: string, evidence: Evidence[], total = evidence.length, more?: (first: number) => Promise<Evidence[]>): HTMLElement {
    const section = h(
      'section',
      { class: 'detail-section evidence-section' },
      h('h3', {}, title, h('span', { class: 'count' }, ` ${total}`)),
      this.evidenceList(evidence, false) ?? h('p', { class: 'empty' }, 'No evidence recorded.'),
    );
    if (more && total > evidence.length) {
      const first = Math.min(total, MAX_SHOWN);
      const label = first === total ? `Show all ${total}` : `Show the first ${first.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
      const button = h('button', { type: 'button', class: 'show-more' }, label);
      button.onclick = async () => {
        button.disabled = true;
        button.textContent = 'Loading…';
        try {
          section.replaceWith(this.evidenceBlock(title, await more(first), total));
        } catch (err) {
          button.disabled = false;
          button.textContent = label;
          section.append(h('p', { class: 'problem', role: 'alert' }, err instanceof Error ? err.message : String(err)));
        }
      };
      section.append(h('p', { class: 'more' }, button));
    }
    return section;
  }

  /** Quotes with their documents; `compact` folds them under a disclosure inside list items. */
  evidenceList(evidence: Evidence[], compact: boolean): HTMLElement | null {
    if (!evidence.length) return null;
    const list = h('ol', { class: 'evidence' }, ...evidence.map((e) => evidenceItem(e)));
    if (!compact) return list;
    return h('details', { class: 'evidence-fold' }, h('summary', {}, `Evidence (${evidence.length})`), list);
  }
}

export function evidenceItem(e: Evidence): HTMLElement {
  const s = e.source;
  return h(
    'li',
    {},
    h('blockquote', { lang: 'fr' }, e.quote),
    h(
      'p',
      { class: 'source' },
      h('cite', {}, s.title),
      s.date ? ` — ${formatDate(s.date)}` : null,
      s.publisher ? ` — ${s.publisher}` : null,
      s.file ? h('span', { class: 'file' }, ` — ${s.file}`) : null,
    ),
  );
}
