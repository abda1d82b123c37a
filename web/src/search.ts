/**
 * A search combobox over `search`: type, see hits best first, move with the arrow keys, Enter (or a click)
 * chooses. The same component serves the main search box and the two ends of path mode.
 */
import { ApiError, type GraphNode } from './api';
import { h } from './dom';
import { kindIcon } from './kinds';
import { searchNodes } from './queries';

export interface SearchOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  /** Only these kinds (e.g. actors for path mode); all when omitted. */
  kinds?: string[];
  onChoose(node: GraphNode): void;
}

const DEBOUNCE_MS = 180;

export class SearchBox {
  private hits: GraphNode[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  /** The last search, so tests and users can wait on it. */
  pending: Promise<void> = Promise.resolve();

  constructor(private readonly o: SearchOptions) {
    const { input, list } = o;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.autocomplete = 'off';
    input.spellcheck = false;
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => {
      if (this.hits.length) this.open();
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const text = this.o.input.value.trim();
    if (text.length === 0) {
      this.show([], '');
      return;
    }
    this.timer = setTimeout(() => void this.run(text), DEBOUNCE_MS);
  }

  /** Runs a search now (Enter before the debounce, or a test). */
  run(text = this.o.input.value.trim()): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    this.pending = (async () => {
      if (text.length < 2) {
        this.show([], 'Type at least two letters of a name or title.');
        return;
      }
      this.o.status.textContent = 'Searching…';
      try {
        const hits = await searchNodes(text, this.o.kinds);
        if (seq !== this.seq) return;
        this.show(
          hits,
          hits.length
            ? `${hits.length} match${hits.length > 1 ? 'es' : ''}: use ↑ ↓ and Enter.`
            : `Nothing in Accords matches “${text}”. Check the spelling, or try part of the name (e.g. a surname or an acronym).`,
        );
      } catch (err) {
        if (seq !== this.seq) return;
        this.show([], friendly(err, text));
      }
    })();
    return this.pending;
  }

  private show(hits: GraphNode[], message: string): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.o.status.textContent = message;
    this.o.status.classList.toggle('problem', hits.length === 0 && message !== '');
    const { list } = this.o;
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            id: `${list.id}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-id': hit.id,
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => this.choose(i),
          },
          kindIcon(hit.kind),
          h('span', { class: 'hit-label' }, hit.label),
          h('span', { class: 'hit-kind' }, hit.kind),
        ),
      ),
    );
    if (hits.length) this.open();
    else this.close();
    this.mark();
  }

  private open(): void {
    this.o.list.hidden = false;
    this.o.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.o.list.hidden = true;
    this.o.input.setAttribute('aria-expanded', 'false');
    this.o.input.removeAttribute('aria-activedescendant');
  }

  private mark(): void {
    const items = [...this.o.list.children] as HTMLElement[];
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    const current = items[this.active];
    if (current) {
      this.o.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.o.input.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      this.open();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.mark();
    } else if (e.key === 'Home' && n && !this.o.list.hidden) {
      e.preventDefault();
      this.active = 0;
      this.mark();
    } else if (e.key === 'End' && n && !this.o.list.hidden) {
      e.preventDefault();
      this.active = n - 1;
      this.mark();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter before the hits arrive searches at once, then chooses the best hit.
      if (this.o.list.hidden || this.active < 0) void this.run().then(() => this.active >= 0 && this.choose(this.active));
      else this.choose(this.active);
    } else if (e.key === 'Escape') {
      if (!this.o.list.hidden) {
        e.preventDefault();
        this.close();
      }
    }
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.o.input.value = hit.label;
    this.o.status.textContent = '';
    this.close();
    this.o.onChoose(hit);
  }
}

/** Server errors in the reader's words. */
export function friendly(err: unknown, text = ''): string {
  if (err instanceof ApiError) {
    if (err.code === 'BAD_USER_INPUT') return text ? `Accords cannot search for “${text}”: ${err.message}` : err.message;
    if (err.code === 'NOT_FOUND') return err.message;
    if (err.code === 'NETWORK' || err.code === 'DATABASE_UNAVAILABLE')
      return 'Accords is unavailable right now. Please try again in a moment.';
    return `Something went wrong: ${err.message}`;
  }
  return `Something went wrong: ${(err as Error).message}`;
}
