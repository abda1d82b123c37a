/**
 * Search in the documents' own words (`passages`): beside the search for names, type a phrase ("grand
 * frère", accents optional) and see each sentence that says it, its document, and the facts quoting it;
 * a fact opens in the graph and the panel.
 */
import { h } from './dom';
import { kindIcon } from './kinds';
import { searchPassages, type PassageHit } from './queries';
import { friendly } from './search';

export interface PassageSearchOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  /** Opens a fact the passage supports. */
  open(id: string): void;
}

const DEBOUNCE_MS = 250;

export class PassageSearch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  /** The last search, so tests and users can wait on it. */
  pending: Promise<void> = Promise.resolve();

  constructor(private readonly o: PassageSearchOptions) {
    o.list.hidden = true;
    o.input.autocomplete = 'off';
    o.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
    });
    o.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.run();
      } else if (e.key === 'Escape') this.close();
    });
  }

  run(text = this.o.input.value.trim()): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    this.pending = (async () => {
      if (text.length < 2) {
        this.show([], text ? 'Type at least two letters of the words to find.' : '');
        return;
      }
      this.o.status.textContent = 'Searching the documents…';
      try {
        const hits = await searchPassages(text);
        if (seq !== this.seq) return;
        this.show(hits, hits.length ? `${hits.length} passage${hits.length > 1 ? 's' : ''} say it.` : `No document says “${text}”.`);
      } catch (err) {
        if (seq === this.seq) this.show([], friendly(err, text));
      }
    })();
    return this.pending;
  }

  close(): void {
    this.o.list.hidden = true;
  }

  private show(hits: PassageHit[], message: string): void {
    this.o.status.textContent = message;
    this.o.status.classList.toggle('problem', hits.length === 0 && message !== '');
    this.o.list.replaceChildren(
      ...hits.map((hit) =>
        h(
          'li',
          { class: 'passage' },
          h('blockquote', {}, hit.text),
          h('p', { class: 'passage-source' }, `${hit.source.title} (${hit.source.file})`),
          hit.facts.length
            ? h(
                'p',
                { class: 'passage-facts' },
                ...hit.facts.map((f) =>
                  h('button', { type: 'button', class: 'fact', 'data-id': f.id, title: `${f.kind}: ${f.label}`, onclick: () => this.o.open(f.id) }, kindIcon(f.kind), f.label),
                ),
              )
            : h('p', { class: 'passage-facts muted' }, 'No fact quotes this sentence.'),
        ),
      ),
    );
    this.o.list.hidden = hits.length === 0;
  }
}
