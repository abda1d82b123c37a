import { GraphQLError } from 'graphql';
import type { NodeKindName } from '../../model/model';
import { formerIdentityLoader, listJudgements, type FormerIdentityRow, type JudgementWriteRow } from '../../merges/api';
import { duplicateCandidates } from '../../merges/candidates';
import { judge, undoJudgement, type Verdict } from '../../merges/merge';
import { resolveIds } from '../../merges/redirects';
import { decodeCursor, encodeCursor } from '../connections';
import type { NodeRow } from '../../store/rows';
import { runWrite, type Outcome } from '../../writes/run';
import type { ChangeRow } from '../../writes/changeLog';
import { idArg, intInRange, nonEmptyOrNull, pageSize, textArg } from '../arguments';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import type { DuplicateCandidateResolvers, JudgementWriteResolvers, MutationResolvers, QueryResolvers } from '../generated/types';

/** Duplicates: candidates, judgements, merges and their undoing (src/merges/). Thin: checks arguments, calls the module. */

const loaders = new WeakMap<Context, ReturnType<typeof formerIdentityLoader>>();
const formerIdentities = (ctx: Context) => {
  let loader = loaders.get(ctx);
  if (!loader) loaders.set(ctx, (loader = formerIdentityLoader(ctx.db)));
  return loader;
};

/** The identity fields every kind has (spread into entityFields). */
export const identityFields = {
  canonicalId: (n: NodeRow) => n.id,
  mergedIds: async (n: NodeRow, _a: unknown, ctx: Context) => (await formerIdentities(ctx).load(n.id)).map((f) => f.id),
  formerIdentities: (n: NodeRow, _a: unknown, ctx: Context): Promise<FormerIdentityRow[]> => formerIdentities(ctx).load(n.id),
};

/** node(id) of a merged id: the canonical node, or null when the id names nothing (one more round-trip, on a miss only). */
export async function canonicalIdOf(ctx: Context, id: string): Promise<string | null> {
  const at = (await resolveIds(ctx.db, [id])).get(id)!;
  return at === id ? null : at;
}

export const duplicateQueries: Pick<QueryResolvers, 'duplicateCandidates' | 'judgements'> = {
  async duplicateCandidates(_p, { kinds, node, first, after }, ctx) {
    const size = pageSize(first);
    const offset = after === null || after === undefined ? 0 : decodeCursor(after);
    if (offset === null) throw badInput('after must be the endCursor of a previous page', 'after');
    const asked = (nonEmptyOrNull(kinds, 'kinds') ?? ['Organisation', 'Person']) as NodeKindName[];
    const about = node ? ((await resolveIds(ctx.db, [idArg(node, 'node')])).get(node) ?? node) : null;
    const all = await duplicateCandidates(ctx.db, asked, about);
    const page = all.slice(offset, offset + size);
    const hasNextPage = offset + size < all.length;
    return { nodes: page, totalCount: all.length, hasNextPage, endCursor: hasNextPage ? encodeCursor(offset + size) : null };
  },
  judgements: (_p, { node, includeUndone, first }, ctx) =>
    listJudgements(ctx.db, node ? idArg(node, 'node') : null, includeUndone ?? false, intInRange(first, 'first', 1, 500, 100)),
};

export const DuplicateCandidate: DuplicateCandidateResolvers = {
  async a(c, _a, ctx) {
    const n = await ctx.loaders.node.load(c.a);
    if (!n) throw notFound('node', c.a);
    return n;
  },
  async b(c, _a, ctx) {
    const n = await ctx.loaders.node.load(c.b);
    if (!n) throw notFound('node', c.b);
    return n;
  },
};

export const JudgementWrite: JudgementWriteResolvers = {
  node: (w, _a, ctx) => ctx.loaders.node.load(w.nodeId),
};

async function answer(ctx: Context, outcome: Outcome<{ judgement: JudgementWriteRow['judgement']; changes: ChangeRow[]; nodeId: string }>): Promise<JudgementWriteRow> {
  if (!outcome.replayed) return { judgement: outcome.value.judgement, change: outcome.value.changes[0]!, nodeId: outcome.value.nodeId };
  const id = outcome.change.factId!;
  const [judgement] = (await listJudgements(ctx.db, null, true, 500)).filter((j) => j.id === id);
  if (!judgement) throw new GraphQLError(`No judgement with id "${id}"`, { extensions: { code: 'NOT_FOUND', id } });
  return { judgement, change: outcome.change, nodeId: judgement.a };
}

export const duplicateMutations: Pick<MutationResolvers, 'judge' | 'undoJudgement'> = {
  async judge(_p, { a, b, verdict, reason, evidence, idempotencyKey }, ctx) {
    idArg(a, 'a');
    idArg(b, 'b');
    textArg(reason, 'reason', 2000);
    const outcome = await runWrite(ctx, { reason, idempotencyKey }, (tx, author) =>
      judge(tx, { a, b, verdict: verdict as Verdict, evidence: evidence ?? [] }, author),
    );
    return answer(ctx, outcome);
  },
  async undoJudgement(_p, { id, reason, idempotencyKey }, ctx) {
    idArg(id, 'id');
    textArg(reason, 'reason', 2000);
    const outcome = await runWrite(ctx, { reason, idempotencyKey }, (tx, author) => undoJudgement(tx, id, author));
    return answer(ctx, outcome);
  },
};
