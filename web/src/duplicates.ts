/**
 * "Same actor?" — the editor's pane for duplicates (schema/duplicates.graphql). For the node shown: the nodes
 * that may be the same actor, each with its reasons; the two compared side by side (names, relationships,
 * evidence); a judgement (SAME, DIFFERENT, UNSURE) with its reason and quote. A node others were merged into
 * lists its former identities, each with an undo. Shown to a signed-in editor only; the server checks
 * everything again. It lives in its own section, after the editor's, so the details panel is left alone.
 */
import { ApiError, gql, type GraphNode } from './api';
import { busy, h } from './dom';
import { DUPLICATE_QUERIES as Q } from './duplicateQueries';

/** The kinds that name actors and things that may be stated twice under two names. */
const ACTOR_KINDS = ['Organisation', 'Person', 'Programme', 'Place', 'Event', 'Agreement'];

export interface DuplicatesActions {
  /** Shows a node in the graph and the panel (after a merge or an undo, the node that answers now). */
  open(id: string): void;
}

interface Candidate {
  id: string;
  score: number;
  a: { id: string; label: string };
  b: { id: string; label: string };
  reasons: Array<{ code: string; detail: string }>;
}
interface Former {
  id: string;
  label: string;
  judgement: { id: string; reason: string; byName: string; at: string };
}
interface Side {
  id: string;
  kind: string;
  label: string;
  aliases: string[];
  evidence: Array<{ quote: string; source: { id: string; title: string } }>;
  relationships: Array<{ type: string; from: { id: string; label: string }; to: { id: string; label: string } }>;
}

export class Duplicates {
  private token: string | null = null;
  private shown: GraphNode | null = null;
  private readonly root: HTMLElement;
  private readonly list = h('ol', { id: 'duplicates-list', class: 'duplicates-list', 'aria-label': 'Nodes that may be the same actor' });
  private readonly former = h('ul', { id: 'duplicates-former', class: 'duplicates-list', 'aria-label': 'Former identities' });
  private readonly compare = h('div', { id: 'duplicates-compare', class: 'duplicates-compare' });
  private readonly status = h('p', { id: 'duplicates-status', class: 'status', role: 'status', 'aria-live': 'polite' });

  constructor(private readonly actions: DuplicatesActions) {
    this.root = h(
      'section',
      { id: 'duplicates', class: 'editor', hidden: true, 'aria-labelledby': 'duplicates-title' },
      h('h2', { id: 'duplicates-title' }, 'Same actor?'),
      this.former,
      this.list,
      this.compare,
      this.status,
    );
    // After the editor's section when there is one (the page's layout keeps the editing tools together).
    const editor = document.getElementById('editor');
    if (editor) editor.after(this.root);
    else document.body.append(this.root);
  }

  /** The editor signed in: judging needs their token (kept in memory only, as the editor pane keeps it). */
  signedIn(token: string): void {
    this.token = token;
    if (this.shown) void this.nodeShown(this.shown);
  }

  /** The node the panel shows now: its candidates and former identities. */
  async nodeShown(node: GraphNode): Promise<void> {
    this.shown = node;
    // A node opened by id before its kind is known (kind '') is asked about all the same.
    if (!this.token || (node.kind && !ACTOR_KINDS.includes(node.kind))) {
      this.root.hidden = true;
      return;
    }
    await busy(async () => {
      try {
        const data = await gql<{ duplicateCandidates: { nodes: Candidate[] }; node: { formerIdentities: Former[] } | null }>(Q.DuplicatesOfNode!, {
          id: node.id,
          kinds: node.kind ? [node.kind] : null,
        });
        if (this.shown?.id !== node.id) return;
        this.root.hidden = false;
        this.compare.replaceChildren();
        this.former.replaceChildren(
          ...(data.node?.formerIdentities ?? []).map((f) =>
            h(
              'li',
              { 'data-former': f.id },
              `Merged: ${f.label} (${f.id}) — judged by ${f.judgement.byName}: ${f.judgement.reason} `,
              h('button', { type: 'button', class: 'undo-judgement', onclick: () => void this.undo(f.judgement.id) }, 'Undo'),
            ),
          ),
        );
        const candidates = data.duplicateCandidates.nodes;
        this.list.replaceChildren(
          ...(candidates.length
            ? candidates.map((c) => {
                const other = c.a.id === node.id ? c.b : c.a;
                return h(
                  'li',
                  { 'data-candidate': other.id },
                  h('strong', {}, other.label),
                  ` ${Math.round(c.score * 100)}% — ${c.reasons.map((r) => r.detail).join('; ')} `,
                  h('button', { type: 'button', class: 'compare', onclick: () => void this.showComparison(node.id, other.id) }, 'Compare'),
                );
              })
            : [h('li', { class: 'panel-hint' }, 'No other node looks like the same actor.')]),
        );
      } catch (err) {
        this.say((err as Error).message, true);
      }
    });
  }

  private say(message: string, problem = false): void {
    this.status.textContent = message;
    this.status.className = problem ? 'problem' : 'status';
  }

  private side(s: Side): HTMLElement {
    return h(
      'div',
      { class: 'duplicates-side', 'data-side': s.id },
      h('h3', {}, s.label),
      h('p', {}, `${s.kind} · ${s.id}`),
      s.aliases.length ? h('p', {}, 'Also: ', s.aliases.join(' · ')) : null,
      h('h4', {}, 'Relationships'),
      h('ul', {}, ...s.relationships.map((r) => h('li', {}, `${r.from.label} ${r.type} ${r.to.label}`))),
      h('h4', {}, 'Evidence'),
      h('ul', {}, ...s.evidence.map((e) => h('li', {}, h('q', {}, e.quote), ` — ${e.source.title} (${e.source.id})`))),
    );
  }

  /** The two side by side, and the judgement form under them. */
  private async showComparison(a: string, b: string): Promise<void> {
    await busy(async () => {
      try {
        const { a: left, b: right } = await gql<{ a: Side | null; b: Side | null }>(Q.CompareNodes!, { a, b });
        if (!left || !right) throw new ApiError('One of the two is no longer in Accords.', 'NOT_FOUND');
        const verdict = h(
          'select',
          { id: 'judge-verdict', 'aria-label': 'Verdict' },
          h('option', { value: 'SAME' }, 'The same actor (merge)'),
          h('option', { value: 'DIFFERENT' }, 'Different actors'),
          h('option', { value: 'UNSURE' }, 'Not sure'),
        );
        const reason = h('input', { id: 'judge-reason', placeholder: 'Why' });
        const source = h('input', { id: 'judge-source', placeholder: 'src-…', value: left.evidence[0]?.source.id ?? '' });
        const quote = h('textarea', { id: 'judge-quote', rows: 2, placeholder: 'The words of the source that decide it' });
        const form = h(
          'form',
          { id: 'judge-form', 'aria-label': 'Judgement' },
          h('label', {}, 'Verdict ', verdict),
          h('label', {}, 'Reason ', reason),
          h('label', {}, 'Source ', source),
          h('label', {}, 'Quote ', quote),
          h('button', { type: 'submit' }, 'Judge'),
        );
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const evidence = quote.value.trim() ? [{ sourceId: source.value.trim(), quote: quote.value }] : [];
          void this.judge(a, b, verdict.value, reason.value, evidence);
        });
        this.compare.replaceChildren(h('div', { class: 'duplicates-sides' }, this.side(left), this.side(right)), form);
      } catch (err) {
        this.say((err as Error).message, true);
      }
    });
  }

  private async judge(a: string, b: string, verdict: string, reason: string, evidence: Array<{ sourceId: string; quote: string }>): Promise<void> {
    if (!this.token) return;
    await busy(async () => {
      try {
        const { judge } = await gql<{ judge: { judgement: { id: string; verdict: string }; node: { id: string } | null } }>(
          Q.Judge!,
          { a, b, verdict, reason, evidence },
          this.token!,
        );
        this.say(verdict === 'SAME' ? `Merged into ${judge.node?.id ?? a} (${judge.judgement.id}).` : `Judged ${verdict} (${judge.judgement.id}).`);
        this.actions.open(judge.node?.id ?? a);
      } catch (err) {
        this.say((err as Error).message, true);
      }
    });
  }

  private async undo(id: string): Promise<void> {
    if (!this.token) return;
    await busy(async () => {
      try {
        const { undoJudgement } = await gql<{ undoJudgement: { node: { id: string } | null } }>(Q.UndoJudgement!, { id, reason: 'Undone from the explorer' }, this.token!);
        this.say(`Undone ${id}: the nodes are separate again.`);
        if (undoJudgement.node) this.actions.open(undoJudgement.node.id);
      } catch (err) {
        this.say((err as Error).message, true);
      }
    });
  }
}
