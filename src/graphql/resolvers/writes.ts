import { requireRole } from '../../auth/guard';
import { listTokens } from '../../auth/tokens';
import { changesSince, history, type ChangeRow } from '../../writes/changeLog';
import { readFact } from '../../writes/facts';
import { sourceTextLoader } from '../../writes/sources';
import { intInRange } from '../arguments';
import type { Context } from '../context';
import { notFound } from '../errors';
import type { ChangeResolvers, QueryResolvers, SourceWriteResolvers } from '../generated/types';

/** Queries and types of the write side: who am I, tokens, facts as stored, the change log. */

const MAX_LOG_PAGE = 500;

export const writeQueries: Pick<QueryResolvers, 'me' | 'tokens' | 'fact' | 'history' | 'changes'> = {
  me: (_p, _a, ctx) => ctx.principal,
  async tokens(_p, _a, ctx) {
    requireRole(ctx, 'admin');
    return listTokens(ctx.db);
  },
  async fact(_p, { id, includeRetracted }, ctx) {
    const fact = await readFact(ctx.db, id);
    if (!fact || (fact.retracted && !includeRetracted)) return null;
    return fact;
  },
  history: (_p, { id, first }, ctx) => history(ctx.db, id, intInRange(first, 'first', 1, MAX_LOG_PAGE, 100)),
  changes: (_p, { since, first }, ctx) =>
    changesSince(ctx.db, intInRange(since, 'since', 0, Number.MAX_SAFE_INTEGER, 0), intInRange(first, 'first', 1, MAX_LOG_PAGE, 100)),
};

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

export const Change: ChangeResolvers = {
  before: (c: ChangeRow) => parse(c.before),
  after: (c: ChangeRow) => parse(c.after),
};

export const SourceWrite: SourceWriteResolvers = {
  async source(w, _a, ctx) {
    const node = await ctx.loaders.node.load(w.id);
    if (!node) throw notFound('source', w.id);
    return node;
  },
};

const textLoaders = new WeakMap<Context, ReturnType<typeof sourceTextLoader>>();

/** `Source.text`: a page of the stored text, batched per request. */
export function sourceText(id: string, offset: number | null | undefined, length: number | null | undefined, ctx: Context) {
  let loader = textLoaders.get(ctx);
  if (!loader) textLoaders.set(ctx, (loader = sourceTextLoader(ctx.db)));
  return loader.load({
    id,
    offset: intInRange(offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0),
    length: intInRange(length, 'length', 1, 100_000, 20_000),
  });
}
