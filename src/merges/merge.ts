import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../cypher';
import { toNative } from '../db/values';
import { relationshipId } from '../model/identity';
import { NODE_KINDS, RELATIONSHIP_TYPES, type NodeKindName, type RelationshipTypeName } from '../model/model';
import { recordChanges, type ChangeInput, type ChangeRow } from '../writes/changeLog';
import { conflict, storable, type Author } from '../writes/facts';
import { checkedQuotes, checkEvidenceShape, checkQuotes, Problems, type EvidenceInput } from '../writes/validateWrite';
import { pairKey } from './candidates';
import { resolveIds } from './redirects';

/**
 * Judgements and reversible merges.
 *
 * STORAGE (for whoever writes to the graph — the importer in particular):
 * - `(:Judgement {id, a, b, pair, verdict, reason, evidenceSources, evidenceQuotes, by, byName, at, seq,
 *   active, undoneAt})`: one per judgement, outside the graph (no :Entity label, no relationships).
 * - A SAME merges node b into node a (the *canonical* node) in one write transaction: b's relationships are
 *   moved onto a (their id is rewritten `b|T|x` → `a|T|x`; when a has that relationship already — both
 *   party to one agreement — the two become one, with the evidence of both), reference fields naming b
 *   (a signature's onBehalfOf) name a, a gains b's name and aliases as aliases and b's evidence, and b is
 *   deleted. What is needed to undo it exactly is kept in a `(:Merged {id: b, into: a, judgement, kind,
 *   label, seq, state})` record — b's properties and original relationships, and the before/after of every
 *   fact the merge changed (`state`, JSON). :Merged records are not :Entity nodes, so every read query skips
 *   them at no cost; node(id) of b resolves through them (src/merges/redirects.ts).
 * - Facts a merge changed (a, the moved relationships) get a `version`: the importer leaves an API-made
 *   fact's values alone, and a reconciling import must treat them as API-made (never "removed from files").
 *   A merged-away id is not in the graph on purpose: an import must not re-create it — file rows naming it
 *   are rewritten to the canonical id first (`redirectFileRows`, one call in the importer).
 * - Undo: the merge's record says what to put back. When nothing touched the facts since, they are set back
 *   exactly (the whole-graph fingerprint after undo equals the one before the merge); when an editor
 *   corrected them meanwhile, only what the merge added is taken away. Merges made into the same canonical
 *   node after the one undone are undone first and made again afterwards, so a chain (A=B, then B=C, which
 *   merges C into A) can lose any link.
 */

type Props = Record<string, unknown>;
type Tx = ManagedTransaction;

export type Verdict = 'SAME' | 'DIFFERENT' | 'UNSURE';

export interface JudgementRow {
  id: string;
  a: string;
  b: string;
  pair: string;
  verdict: Verdict;
  reason: string;
  evidence: Array<{ sourceId: string; quote: string }>;
  by: string;
  byName: string;
  at: string;
  seq: number;
  active: boolean;
  undoneAt: string | null;
  canonicalId: string | null;
}

interface RelSnapshot {
  type: string;
  from: string;
  to: string;
  props: Props;
}

/** One relationship of b as the merge left it: moved onto a (created), or folded into a's (combined). */
interface Move {
  type: string;
  id: string;
  from: string;
  to: string;
  created: boolean;
  before: Props | null;
  after: Props;
  added: Array<[string, string]>;
}

interface MergeState {
  node: { kind: string; props: Props };
  relationships: RelSnapshot[];
  moves: Move[];
  refs: Array<{ id: string; from: string; to: string; field: string }>;
  canonical: { id: string; before: Props; after: Props; addedAliases: string[]; added: Array<[string, string]> };
}

const bad = (message: string, argument: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
const notFound = (id: string) => new GraphQLError(`No node with id "${id}"`, { extensions: { code: 'NOT_FOUND', id } });

const rows = async (tx: Tx, name: string, params: Props): Promise<Props[]> =>
  (await tx.run(cypher(name), params)).records.map((r) => toNative(r.toObject()) as Props);
const one = async (tx: Tx, name: string, params: Props) => (await rows(tx, name, params))[0];

/** A stable text of a value (keys sorted), to tell whether a fact is as a merge left it. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as Props)
      .filter((k) => (v as Props)[k] !== null && (v as Props)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Props)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);

const nodeSpec = (kind: string) => NODE_KINDS[kind as NodeKindName]?.fields ?? {};
const relSpec = (type: string) => RELATIONSHIP_TYPES[type as RelationshipTypeName]?.fields ?? {};

const pairsOf = (p: Props): Array<[string, string]> => {
  const s = (p.evidenceSources as string[] | undefined) ?? [];
  const q = (p.evidenceQuotes as string[] | undefined) ?? [];
  return s.map((x, i) => [x, q[i] ?? '']);
};
const withPairs = (p: Props, pairs: Array<[string, string]>): Props => ({ ...p, evidenceSources: pairs.map((x) => x[0]), evidenceQuotes: pairs.map((x) => x[1]) });
const pairText = (x: [string, string]) => `${x[0]}\u0000${x[1]}`;

/** `into`'s evidence plus the pairs of `from` it lacks; returns the new props and the pairs added. */
function unionEvidence(into: Props, from: Props): { props: Props; added: Array<[string, string]> } {
  const have = pairsOf(into);
  const seen = new Set(have.map(pairText));
  const added = pairsOf(from).filter((x) => !seen.has(pairText(x)) && seen.add(pairText(x)));
  return { props: withPairs(into, [...have, ...added]), added };
}
function withoutEvidence(p: Props, remove: Array<[string, string]>): Props {
  const gone = new Set(remove.map(pairText));
  return withPairs(p, pairsOf(p).filter((x) => !gone.has(pairText(x))));
}
const bump = (p: Props): Props => ({ ...p, version: (typeof p.version === 'number' ? p.version : 1) + 1 });
const labelOf = (kind: string, p: Props) => String(p[NODE_KINDS[kind as NodeKindName]?.label ?? 'name'] ?? p.id);

/** The fields of the model that reference a node by id (a signature's onBehalfOf). */
const REF_FIELDS = [...new Set(Object.values(RELATIONSHIP_TYPES).flatMap((t) => Object.entries(t.fields).filter(([, f]) => f.type === 'ref').map(([n]) => n)))];

async function lockNode(tx: Tx, id: string): Promise<{ kind: string; props: Props; relationships: RelSnapshot[] } | null> {
  const row = await one(tx, 'retract-read', { id });
  if (!row) return null;
  return { kind: row.kind as string, props: row.node as Props, relationships: row.relationships as RelSnapshot[] };
}

/** Merges `bId` into `aId` (both live, same kind); returns the record's state. */
async function merge(tx: Tx, aId: string, bId: string, judgementId: string, seq: number): Promise<{ before: { a: Props; b: Props; kind: string }; state: MergeState }> {
  // Locks in id order, so two merges of overlapping pairs cannot deadlock.
  const [first, second] = aId < bId ? [aId, bId] : [bId, aId];
  const locked = new Map<string, Awaited<ReturnType<typeof lockNode>>>();
  locked.set(first, await lockNode(tx, first));
  locked.set(second, await lockNode(tx, second));
  const a = locked.get(aId);
  const b = locked.get(bId);
  if (!a) throw notFound(aId);
  if (!b) throw notFound(bId);
  if (a.kind !== b.kind) throw bad(`${aId} is ${a.kind === 'Organisation' ? 'an' : 'a'} ${a.kind} and ${bId} ${b.kind === 'Organisation' ? 'an' : 'a'} ${b.kind}: only nodes of one kind can be the same`, 'b');
  if (a.kind === 'Source') throw bad('sources are documents, not actors: they are not merged', 'a');

  const moves: Move[] = [];
  const targets: Array<{ rel: RelSnapshot; id: string; from: string; to: string }> = [];
  for (const rel of b.relationships) {
    const from = rel.from === bId ? aId : rel.from;
    const to = rel.to === bId ? aId : rel.to;
    if (from === aId && to === aId) continue; // a relationship between the two: it has no place on one node
    targets.push({ rel, id: relationshipId(from, rel.type, to, String(rel.props.key ?? '')), from, to });
  }
  const existing = new Map(
    (await rows(tx, 'merge-relationships-read', { rels: targets.map((t) => ({ id: t.id, from: t.from, to: t.to })) })).map((r) => [r.id as string, r.props as Props | null]),
  );
  const setRels = new Map<string, { id: string; from: string; to: string; props: Props }>();
  const createRels: Array<{ type: string; from: string; to: string; props: Props }> = [];
  const retarget = (p: Props): Props => {
    const out = { ...p };
    for (const f of REF_FIELDS) if (out[f] === bId) out[f] = aId;
    return out;
  };
  for (const t of targets) {
    const have = existing.get(t.id);
    if (have) {
      const { props, added } = unionEvidence(have, t.rel.props);
      const after = bump(props);
      moves.push({ type: t.rel.type, id: t.id, from: t.from, to: t.to, created: false, before: have, after, added });
      setRels.set(t.id, { id: t.id, from: t.from, to: t.to, props: after });
    } else {
      const after = bump(retarget({ ...t.rel.props, id: t.id }));
      moves.push({ type: t.rel.type, id: t.id, from: t.from, to: t.to, created: true, before: null, after, added: pairsOf(t.rel.props) });
      createRels.push({ type: t.rel.type, from: t.from, to: t.to, props: after });
    }
  }
  // Other relationships naming b in a reference field (a signature made on behalf of b) now name a.
  const refs: MergeState['refs'] = [];
  const ownIds = new Set(b.relationships.map((r) => r.props.id as string));
  for (const r of await rows(tx, 'merge-refs', { id: bId, fields: REF_FIELDS })) {
    if (ownIds.has(r.id as string)) continue;
    const current = setRels.get(r.id as string)?.props ?? (r.props as Props);
    for (const f of REF_FIELDS) if (current[f] === bId) refs.push({ id: r.id as string, from: r.from as string, to: r.to as string, field: f });
    setRels.set(r.id as string, { id: r.id as string, from: r.from as string, to: r.to as string, props: retarget(current) });
  }
  // a gains b's names (as aliases) and evidence; its own values stay.
  const aliases = [...((a.props.aliases as string[] | undefined) ?? [])];
  const addedAliases: string[] = [];
  const aLabel = labelOf(a.kind, a.props);
  for (const name of [labelOf(b.kind, b.props), ...((b.props.aliases as string[] | undefined) ?? [])]) {
    if (name !== aLabel && !aliases.includes(name) && 'aliases' in nodeSpec(a.kind)) {
      aliases.push(name);
      addedAliases.push(name);
    }
  }
  const union = unionEvidence(a.props, b.props);
  const aAfter = bump({ ...union.props, ...(addedAliases.length ? { aliases } : {}) });

  await tx.run(cypher('merge-apply'), {
    createNode: null,
    deleteRels: b.relationships.map((r) => ({ id: r.props.id, from: r.from, to: r.to })),
    setRels: [...setRels.values()].map((r) => ({ ...r, props: storable(r.props, relSpec(relTypeOf(r.id))) })),
    createRels: createRels.map((r) => ({ ...r, props: storable(r.props, relSpec(r.type)) })),
    setNode: { id: aId, props: storable(aAfter, nodeSpec(a.kind)) },
    deleteNode: bId,
  });
  const state: MergeState = {
    node: { kind: b.kind, props: b.props },
    relationships: b.relationships,
    moves,
    refs,
    canonical: { id: aId, before: a.props, after: aAfter, addedAliases, added: union.added },
  };
  await tx.run(cypher('merge-record-write'), {
    record: { id: bId, into: aId, judgement: judgementId, kind: b.kind, label: labelOf(b.kind, b.props), seq, state: JSON.stringify(state) },
  });
  return { before: { a: a.props, b: b.props, kind: a.kind }, state };
}

const relTypeOf = (id: string) => id.split('|')[1] ?? '';

/** Undoes one merge from its record: b back as it was, a and the moved relationships as before when untouched since. */
async function unmerge(tx: Tx, judgementId: string): Promise<{ a: string; b: string; kind: string; aBefore: Props; aAfter: Props; bProps: Props }> {
  const row = await one(tx, 'merge-record-read', { judgement: judgementId });
  if (!row) throw conflict(`judgement ${judgementId} merged nothing that is still merged`, { id: judgementId });
  const record = row.record as Props;
  const state = JSON.parse(record.state as string) as MergeState;
  const aId = state.canonical.id;
  const bId = record.id as string;
  const a = await lockNode(tx, aId);
  if (!a) throw conflict(`${aId}, the node ${bId} was merged into, is not in the graph (retracted or merged since): bring it back first`, { id: aId });
  const current = new Map(
    (await rows(tx, 'merge-relationships-read', { rels: [...state.moves.map((m) => ({ id: m.id, from: m.from, to: m.to })), ...state.refs.map((r) => ({ id: r.id, from: r.from, to: r.to }))] })).map(
      (r) => [r.id as string, r.props as Props | null],
    ),
  );
  const deleteRels: Props[] = [];
  const setRels = new Map<string, Props>();
  for (const m of [...state.moves].reverse()) {
    const now = current.get(m.id);
    if (!now) {
      throw conflict(`${m.id}, moved onto ${aId} by this merge, is not there any more (retracted, or an end merged since): undo that first`, { id: m.id });
    }
    if (same(now, m.after)) {
      if (m.created) deleteRels.push({ id: m.id, from: m.from, to: m.to });
      else setRels.set(m.id, { id: m.id, from: m.from, to: m.to, props: storable(m.before!, relSpec(m.type)) });
    } else {
      // Corrected since: only b's evidence leaves it; with none left, it was b's alone.
      const left = withoutEvidence(now, m.added);
      if (m.created && pairsOf(left).length === 0) deleteRels.push({ id: m.id, from: m.from, to: m.to });
      else setRels.set(m.id, { id: m.id, from: m.from, to: m.to, props: storable(bump(left), relSpec(m.type)) });
    }
  }
  for (const r of state.refs) {
    const now = (setRels.get(r.id)?.props as Props | undefined) ?? current.get(r.id);
    if (!now || now[r.field] !== aId) continue;
    setRels.set(r.id, { id: r.id, from: r.from, to: r.to, props: storable({ ...toNative(now) as Props, [r.field]: bId }, relSpec(relTypeOf(r.id))) });
  }
  const kind = state.node.kind;
  let aNext: Props;
  if (same(a.props, state.canonical.after)) aNext = state.canonical.before;
  else {
    aNext = withoutEvidence(a.props, state.canonical.added);
    const aliases = ((aNext.aliases as string[] | undefined) ?? []).filter((x) => !state.canonical.addedAliases.includes(x));
    if (aNext.aliases) aNext = { ...aNext, aliases };
    aNext = bump(aNext);
  }
  await tx.run(cypher('merge-apply'), {
    createNode: { kind, props: storable(state.node.props, nodeSpec(kind)) },
    deleteRels,
    setRels: [...setRels.values()],
    createRels: state.relationships.map((r) => ({ type: r.type, from: r.from, to: r.to, props: storable(r.props, relSpec(r.type)) })),
    setNode: { id: aId, props: storable(aNext, nodeSpec(kind)) },
    deleteNode: null,
  });
  await tx.run(cypher('merge-record-delete'), { judgement: judgementId });
  return { a: aId, b: bId, kind, aBefore: a.props, aAfter: aNext, bProps: state.node.props };
}

const judgementOf = (p: Props, canonicalId: string | null = null): JudgementRow => ({
  id: p.id as string,
  a: p.a as string,
  b: p.b as string,
  pair: p.pair as string,
  verdict: p.verdict as Verdict,
  reason: p.reason as string,
  evidence: pairsOf(p).map(([sourceId, quote]) => ({ sourceId, quote })),
  by: p.by as string,
  byName: p.byName as string,
  at: String(p.at),
  seq: Number(p.seq),
  active: p.active as boolean,
  undoneAt: (p.undoneAt as string | null) ?? null,
  canonicalId,
});

const logged = (j: JudgementRow) => ({ id: j.id, a: j.a, b: j.b, verdict: j.verdict, evidence: j.evidence, active: j.active });

function changes(author: Author, action: 'judge' | 'undo-judgement', j: JudgementRow, facts: Array<{ id: string; before: unknown; after: unknown }>): ChangeInput[] {
  const base = { actor: author.principal.id, actorName: author.principal.name, action, reason: author.reason, idempotencyKey: null };
  return [
    { ...base, factId: j.id, before: action === 'judge' ? null : logged({ ...j, active: true }), after: logged(j), idempotencyKey: author.idempotencyKey },
    ...facts.map((f) => ({ ...base, factId: f.id, before: f.before, after: f.after })),
  ];
}

const snapshot = (kind: string, p: Props) => ({ kind, fields: Object.fromEntries(Object.keys(nodeSpec(kind)).filter((k) => p[k] !== undefined).map((k) => [k, p[k]])), evidence: pairsOf(p).map(([sourceId, quote]) => ({ sourceId, quote })), version: typeof p.version === 'number' ? p.version : 1 });

export interface JudgeInput {
  a: string;
  b: string;
  verdict: Verdict;
  evidence: EvidenceInput[];
}

export async function judge(tx: Tx, input: JudgeInput, author: Author): Promise<{ judgement: JudgementRow; changes: ChangeRow[]; nodeId: string }> {
  const problems = new Problems();
  if (input.a === input.b) problems.add('b', 'a node is the same as itself: name two nodes');
  if (input.verdict === 'SAME' && !input.evidence.length) problems.add('evidence', 'a SAME needs at least one quote that shows the two are one actor');
  if (input.evidence.length) checkEvidenceShape(input.evidence, problems);
  problems.throwIfAny('judge');
  if (input.evidence.length) {
    checkQuotes(input.evidence, await checkedQuotes(tx, input.evidence), problems);
    problems.throwIfAny('judge');
  }
  const resolved = await resolveIds(tx, [input.a, input.b]);
  const a = resolved.get(input.a)!;
  const b = resolved.get(input.b)!;
  if (a === b) throw conflict(`${input.a} and ${input.b} are one node already (${a}): undo the judgement that merged them to judge them again`, { id: a });
  const pair = pairKey(a, b);
  const earlier = (await one(tx, 'judgement-active-pair', { pair }))?.judgement as Props | null;
  if (earlier) {
    // A DIFFERENT or UNSURE gives way to the new judgement; it stays in the history.
    await tx.run(cypher('judgement-write'), { judgement: { ...earlier, active: false, undoneAt: new Date().toISOString() } });
  }
  const seqRow = await one(tx, 'judgement-seq', {});
  const id = `jdg-${crypto.randomBytes(6).toString('hex')}`;
  const props: Props = {
    id,
    a,
    b,
    // The ids as the editor named them: redoing this merge after an earlier link is undone resolves them again.
    askedA: input.a,
    askedB: input.b,
    ids: [...new Set([input.a, input.b, a, b])],
    pair,
    verdict: input.verdict,
    reason: author.reason ?? '',
    evidenceSources: input.evidence.map((e) => e.sourceId),
    evidenceQuotes: input.evidence.map((e) => e.quote),
    by: author.principal.id,
    byName: author.principal.name,
    at: new Date().toISOString(),
    seq: seqRow!.seq,
    active: true,
    undoneAt: null,
  };
  let facts: Array<{ id: string; before: unknown; after: unknown }> = [];
  if (input.verdict === 'SAME') {
    const { before, state } = await merge(tx, a, b, id, Number(seqRow!.seq));
    facts = [
      { id: a, before: snapshot(before.kind, before.a), after: snapshot(before.kind, state.canonical.after) },
      { id: b, before: snapshot(before.kind, before.b), after: { mergedInto: a, judgement: id } },
    ];
  } else {
    // Both must exist: a judgement about nothing is a mistake.
    for (const x of [a, b]) if (!(await lockNode(tx, x))) throw notFound(x);
  }
  await tx.run(cypher('judgement-write'), { judgement: props });
  const judgement = judgementOf(props, input.verdict === 'SAME' ? a : null);
  return { judgement, changes: await recordChanges(tx, changes(author, 'judge', judgement, facts)), nodeId: a };
}

export async function undoJudgement(tx: Tx, id: string, author: Author): Promise<{ judgement: JudgementRow; changes: ChangeRow[]; nodeId: string }> {
  const row = (await one(tx, 'judgement-read', { id }))?.judgement as Props | undefined;
  if (!row) throw new GraphQLError(`No judgement with id "${id}"`, { extensions: { code: 'NOT_FOUND', id } });
  if (!row.active) throw conflict(`judgement ${id} was undone already`, { id });
  const j = judgementOf(row);
  const facts: Array<{ id: string; before: unknown; after: unknown }> = [];
  let nodeId = j.a;
  if (j.verdict === 'SAME') {
    // Later merges into the same canonical node are undone first (newest first) and made again after.
    const canonical = (await resolveIds(tx, [j.a])).get(j.a)!;
    const later: JudgementRow[] = [];
    for (const p of await rows(tx, 'judgements-later', { seq: j.seq })) {
      const l = judgementOf(p.judgement as Props);
      if ((await resolveIds(tx, [l.a])).get(l.a) === canonical) later.push(l);
    }
    for (const l of [...later].reverse()) await unmerge(tx, l.id);
    const undone = await unmerge(tx, j.id);
    facts.push(
      { id: undone.a, before: snapshot(undone.kind, undone.aBefore), after: snapshot(undone.kind, undone.aAfter) },
      { id: undone.b, before: { mergedInto: undone.a, judgement: j.id }, after: snapshot(undone.kind, undone.bProps) },
    );
    for (const l of later) {
      const stored = (await one(tx, 'judgement-read', { id: l.id }))!.judgement as Props;
      const askedA = (stored.askedA as string | undefined) ?? l.a;
      const askedB = (stored.askedB as string | undefined) ?? l.b;
      const ids = await resolveIds(tx, [askedA, askedB]);
      const la = ids.get(askedA)!;
      const lb = ids.get(askedB)!;
      if (la === lb) continue;
      await merge(tx, la, lb, l.id, l.seq);
      await tx.run(cypher('judgement-write'), { judgement: { ...stored, a: la, b: lb, pair: pairKey(la, lb) } });
    }
    nodeId = undone.a;
  }
  const after: Props = { ...row, active: false, undoneAt: new Date().toISOString() };
  await tx.run(cypher('judgement-write'), { judgement: after });
  const judgement = judgementOf(after);
  return { judgement, changes: await recordChanges(tx, changes(author, 'undo-judgement', judgement, facts)), nodeId };
}

export { judgementOf };
