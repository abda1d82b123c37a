/**
 * The editor pane: a signed-in editor opens a source's text, selects the words that state a fact, and adds
 * the relationship with that selection as its evidence. The token lives in this module's memory only (not
 * in storage, not in the URL): a reload signs out. The server checks everything again (role, quote, model).
 */
import { ApiError, gql, type GraphNode } from './api';
import { byId, busy, h } from './dom';
import { QUERIES } from './queries';

export interface EditorActions {
  /** Shows a node in the graph and the panel (the fact just added appears at once). */
  open(id: string): void;
  /** An editor signed in (the "Same actor?" pane judges with the same token). */
  signedIn?(token: string): void;
}

type Me = { me: { id: string; name: string; role: string } | null };

export class Editor {
  private token: string | null = null;
  private readonly pane = byId('editor');
  private readonly form = byId<HTMLFormElement>('editor-form');
  private readonly source = byId<HTMLInputElement>('editor-source');
  private readonly text = byId<HTMLPreElement>('editor-text');
  private readonly quote = byId<HTMLTextAreaElement>('editor-quote');
  private readonly type = byId<HTMLSelectElement>('editor-type');
  private readonly from = byId<HTMLInputElement>('editor-from');
  private readonly to = byId<HTMLInputElement>('editor-to');
  private readonly fields = byId<HTMLInputElement>('editor-fields');
  private readonly status = byId('editor-status');
  private readonly who = byId('editor-who');
  private readonly history = byId<HTMLOListElement>('editor-history');

  constructor(private readonly actions: EditorActions) {
    const toggle = byId<HTMLButtonElement>('editor-toggle');
    toggle.addEventListener('click', () => {
      this.pane.hidden = !this.pane.hidden;
      toggle.setAttribute('aria-expanded', String(!this.pane.hidden));
      if (!this.pane.hidden) byId<HTMLInputElement>(this.token ? 'editor-source' : 'editor-token').focus();
    });
    byId<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.signIn(byId<HTMLInputElement>('editor-token'));
    });
    byId<HTMLButtonElement>('editor-open').addEventListener('click', () => void this.openText());
    // The quote is what the editor selects in the document's text, exactly as the text has it.
    document.addEventListener('selectionchange', () => {
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed && this.text.contains(sel.anchorNode) && this.text.contains(sel.focusNode)) this.quote.value = sel.toString();
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.add();
    });
  }

  /** Fills the form from what the explorer shows: a source opens its text, actors and agreements become ends. */
  nodeShown(node: GraphNode): void {
    if (!this.token) return;
    if (node.kind === 'Source') {
      this.source.value = node.id;
      void this.openText();
    } else if (!this.from.value) this.from.value = node.id;
    else if (!this.to.value && node.id !== this.from.value) this.to.value = node.id;
  }

  private say(message: string, problem = false): void {
    this.status.textContent = message;
    this.status.className = problem ? 'problem' : 'status';
  }

  private async signIn(input: HTMLInputElement): Promise<void> {
    const token = input.value.trim();
    try {
      const { me } = await gql<Me>(QUERIES.Me!, {}, token);
      if (!me || (me.role !== 'editor' && me.role !== 'admin')) {
        this.who.textContent = me ? `${me.name} is a ${me.role}: editing needs an editor's token.` : 'Not signed in.';
        return;
      }
      this.token = token;
      this.actions.signedIn?.(token);
      input.value = '';
      this.who.textContent = `Signed in as ${me.name} (${me.role}).`;
      this.form.hidden = false;
      const types = await gql<{ __type: { enumValues: Array<{ name: string; description: string | null }> } }>(QUERIES.RelationshipTypes!);
      this.type.replaceChildren(...types.__type.enumValues.map((v) => h('option', { value: v.name, title: v.description ?? '' }, v.name)));
    } catch (err) {
      this.who.textContent = err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? 'This token is not valid.' : (err as Error).message;
    }
  }

  private async openText(): Promise<void> {
    const id = this.source.value.trim();
    if (!id) return;
    await busy(async () => {
      try {
        const { source } = await gql<{ source: { title: string; text: { text: string; nextOffset: number | null } | null } }>(QUERIES.SourceText!, { id });
        this.text.textContent = source.text ? source.text.text : 'No text is stored for this source.';
        this.text.setAttribute('aria-label', `Text of ${source.title}`);
      } catch (err) {
        this.text.textContent = '';
        this.say((err as Error).message, true);
      }
    });
  }

  private async add(): Promise<void> {
    if (!this.token) return;
    let fields: unknown = {};
    try {
      fields = this.fields.value.trim() ? JSON.parse(this.fields.value) : {};
    } catch {
      this.say('Fields must be JSON, e.g. {"onBehalfOf": "org-…"}', true);
      return;
    }
    const input = {
      type: this.type.value,
      from: this.from.value.trim(),
      to: this.to.value.trim(),
      fields,
      evidence: [{ sourceId: this.source.value.trim(), quote: this.quote.value }],
    };
    await busy(async () => {
      try {
        const { createRelationship: made } = await gql<{ createRelationship: { id: string; version: number } }>(
          QUERIES.CreateRelationship!,
          { input },
          this.token!,
        );
        this.say(`Added ${made.id} (version ${made.version}).`);
        const { history } = await gql<{ history: Array<{ seq: number; action: string; at: string; actorName: string }> }>(QUERIES.History!, { id: made.id });
        this.history.replaceChildren(...history.map((c) => h('li', { 'data-seq': c.seq }, `${c.action} by ${c.actorName}, ${c.at}`)));
        this.actions.open(input.from);
      } catch (err) {
        this.say((err as Error).message, true);
      }
    });
  }
}
