/**
 * Path mode: pick two actors, see how they are connected. Each path is drawn and highlighted, and listed
 * hop by hop in the panel, every hop with the quotes and documents that establish it.
 */
import type { GraphNode } from './api';
import { byId, h } from './dom';
import type { Panel } from './panel';
import type { PathsFound } from './queries';
import { SearchBox } from './search';

export interface PathModeOptions {
  find(from: GraphNode, to: GraphNode, shortestOnly: boolean): void;
}

const ACTORS = ['Person', 'Organisation'];

export class PathMode {
  from: GraphNode | null = null;
  to: GraphNode | null = null;
  readonly form = byId<HTMLFormElement>('path-form');
  private readonly toggle = byId<HTMLButtonElement>('path-toggle');
  private readonly status = byId('path-status');
  private readonly shortest = byId<HTMLInputElement>('path-shortest');

  constructor(o: PathModeOptions) {
    const end = (which: 'from' | 'to') =>
      new SearchBox({
        input: byId<HTMLInputElement>(`path-${which}`),
        list: byId<HTMLUListElement>(`path-${which}-results`),
        status: this.status,
        kinds: ACTORS,
        onChoose: (node) => {
          this[which] = node;
          this.status.textContent = '';
          if (which === 'from') byId<HTMLInputElement>('path-to').focus();
          else byId<HTMLButtonElement>('path-go').focus();
        },
      });
    end('from');
    end('to');
    // Typing again forgets the chosen actor until a hit is chosen.
    for (const which of ['from', 'to'] as const)
      byId<HTMLInputElement>(`path-${which}`).addEventListener('input', () => (this[which] = null));
    this.toggle.addEventListener('click', () => this.show(this.form.hidden));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!this.from || !this.to) {
        this.status.textContent = `Choose ${!this.from ? 'the first' : 'the second'} actor from the suggestions (type a name, then pick it with ↓ and Enter).`;
        this.status.classList.add('problem');
        byId<HTMLInputElement>(!this.from ? 'path-from' : 'path-to').focus();
        return;
      }
      if (this.from.id === this.to.id) {
        this.status.textContent = 'Choose two different actors.';
        this.status.classList.add('problem');
        return;
      }
      this.status.classList.remove('problem');
      o.find(this.from, this.to, this.shortest.checked);
    });
  }

  show(open: boolean): void {
    this.form.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.classList.toggle('active', open);
    if (open) byId<HTMLInputElement>('path-from').focus();
  }

  setEnds(from: GraphNode | null, to: GraphNode | null): void {
    this.from = from;
    this.to = to;
    byId<HTMLInputElement>('path-from').value = from?.label ?? '';
    byId<HTMLInputElement>('path-to').value = to?.label ?? '';
  }

  message(text: string, problem = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('problem', problem);
  }
}

/** The panel's account of the paths: one list per path, one item per hop, each hop with its evidence. */
export function renderPaths(
  panel: Panel,
  from: GraphNode,
  to: GraphNode,
  search: PathsFound,
  onHighlight: (index: number | null) => void,
): void {
  const title = h('h2', { id: 'panel-title', tabindex: '-1' }, `${from.label} → ${to.label}`);
  const paths = search.paths;
  if (!paths.length) {
    // Say which bound ended the search: "none within 8" and "stopped before finding one" call for different next steps.
    const why =
      search.outcome === 'STOPPED_AT_LIMIT'
        ? `The search stopped at its limit of relationships read before finding a path between ${from.label} and ${to.label} (${search.message}).`
        : `The sources connect ${from.label} and ${to.label} by no path within ${search.maxLength} relationships.`;
    panel.show(h('header', { class: 'panel-head' }, h('p', { class: 'panel-kind' }, 'Paths'), title), h('p', { class: 'problem', role: 'status' }, why));
    return;
  }
  const label = (n: GraphNode | undefined, id: string) => n ?? { id, kind: '', label: id };
  panel.show(
    h(
      'header',
      { class: 'panel-head' },
      h('p', { class: 'panel-kind' }, 'Paths'),
      title,
      h('p', { role: 'status' }, `${paths.length} path${paths.length > 1 ? 's' : ''}, shortest first.`),
      h('div', { class: 'panel-actions' }, h('button', { type: 'button', onclick: () => onHighlight(null) }, 'Highlight all')),
    ),
    ...paths.map((p, i) => {
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      return h(
        'section',
        { class: 'detail-section path', 'data-path': String(i) },
        h(
          'h3',
          {},
          `Path ${i + 1} · ${p.edges.length} hop${p.edges.length > 1 ? 's' : ''} `,
          h('button', { type: 'button', class: 'small', onclick: () => onHighlight(i) }, 'Highlight'),
        ),
        h(
          'ol',
          { class: 'hops' },
          ...p.edges.map((e) =>
            h(
              'li',
              { class: 'hop' },
              h(
                'p',
                { class: 'item-line' },
                panel.nodeButton(label(byId.get(e.from), e.from)),
                h('span', { class: 'rel' }, ` ${e.type} → `),
                panel.nodeButton(label(byId.get(e.to), e.to)),
                e.properties.role ? h('span', { class: 'item-meta' }, ` (${e.properties.role})`) : null,
                e.properties.title ? h('span', { class: 'item-meta' }, ` (${e.properties.title})`) : null,
              ),
              panel.evidenceList(e.evidence, false),
            ),
          ),
        ),
      );
    }),
  );
}
