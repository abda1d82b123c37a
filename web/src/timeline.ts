/**
 * The timeline of dated agreements and events (from `timeline`), and the date-range filter that applies to
 * both the timeline and the graph.
 */
import { formatDate, isPartialDate } from './dates';
import { h } from './dom';
import { kindIcon } from './kinds';
import { timeline, type TimelineItem } from './queries';
import { friendly } from './search';

export interface TimelineOptions {
  list: HTMLOListElement;
  form: HTMLFormElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  clear: HTMLButtonElement;
  onlyActor: HTMLInputElement;
  status: HTMLElement;
  /** The actor the timeline may be restricted to (the selected person or organisation). */
  actor(): { id: string; label: string } | null;
  onRange(from: string | undefined, to: string | undefined): void;
  onOpen(id: string): void;
}

export class Timeline {
  private seq = 0;

  constructor(private readonly o: TimelineOptions) {
    o.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply();
    });
    o.clear.addEventListener('click', () => {
      o.from.value = '';
      o.to.value = '';
      this.apply();
    });
    o.onlyActor.addEventListener('change', () => void this.load());
  }

  get range(): { from?: string; to?: string } {
    return { from: this.o.from.value.trim() || undefined, to: this.o.to.value.trim() || undefined };
  }

  setRange(from?: string, to?: string): void {
    this.o.from.value = from ?? '';
    this.o.to.value = to ?? '';
  }

  /** Checks the two dates, then filters the graph and reloads the timeline. */
  apply(): void {
    const { from, to } = this.range;
    for (const [input, value] of [
      [this.o.from, from],
      [this.o.to, to],
    ] as const) {
      const bad = !!value && !isPartialDate(value);
      input.setAttribute('aria-invalid', String(bad));
      if (bad) {
        this.status(`“${value}” is not a date: write a year (2007), a month (2007-11) or a day (2007-11-27).`, true);
        input.focus();
        return;
      }
    }
    if (from && to && from > to) {
      this.status(`The range starts (${from}) after it ends (${to}).`, true);
      this.o.from.focus();
      return;
    }
    this.o.onRange(from, to);
    void this.load();
  }

  status(message: string, problem = false): void {
    this.o.status.textContent = message;
    this.o.status.classList.toggle('problem', problem);
  }

  /** The actor checkbox follows the selection: it names the actor, and is off when there is none. */
  actorChanged(): void {
    const actor = this.o.actor();
    const label = this.o.onlyActor.parentElement?.querySelector('.actor-name');
    if (label) label.textContent = actor ? actor.label : 'the selected actor';
    this.o.onlyActor.disabled = !actor;
    if (!actor && this.o.onlyActor.checked) {
      this.o.onlyActor.checked = false;
      void this.load();
    } else if (this.o.onlyActor.checked) void this.load();
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    const { from, to } = this.range;
    const actor = this.o.onlyActor.checked ? this.o.actor() : null;
    try {
      const items = await timeline(from, to, actor?.id);
      if (seq !== this.seq) return;
      this.render(items, actor?.label);
    } catch (err) {
      if (seq !== this.seq) return;
      this.o.list.replaceChildren(h('li', { class: 'problem' }, friendly(err)));
    }
  }

  private render(items: TimelineItem[], actor?: string): void {
    const { from, to } = this.range;
    const scope = [actor && `involving ${actor}`, from && `from ${formatDate(from)}`, to && `to ${formatDate(to)}`].filter(Boolean).join(' ');
    this.o.list.setAttribute('aria-label', `Agreements, events, statements and figures${scope ? ' ' + scope : ''}`);
    if (!items.length) {
      this.o.list.replaceChildren(h('li', { class: 'empty' }, `No dated agreement, event, statement or figure${scope ? ' ' + scope : ''}.`));
      return;
    }
    let year = '';
    this.o.list.replaceChildren(
      ...items.map((item) => {
        const y = item.date.slice(0, 4);
        const newYear = y !== year;
        year = y;
        return h(
          'li',
          { class: newYear ? 'new-year' : '', 'data-year': y },
          h(
            'button',
            {
              type: 'button',
              'data-id': item.node.id,
              title: item.dateInferred ? `Date inferred: ${item.dateInferred}` : item.node.label,
              onclick: () => this.o.onOpen(item.node.id),
            },
            h('time', { datetime: item.date }, formatDate(item.date), item.dateInferred ? '*' : ''),
            h('span', { class: 'tl-label' }, kindIcon(item.node.kind), ' ', item.node.label),
          ),
        );
      }),
    );
  }
}
