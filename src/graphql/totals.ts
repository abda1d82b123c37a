import DataLoader from 'dataloader';
import { linkTotals, signatureTotals, totalKey, type TotalQuery } from '../store/totals';
import type { Context } from './context';

/**
 * Per-request loaders of the `…Total` fields: every total asked during one tick of a request (of any field,
 * of any number of nodes) is answered by one UNWIND query. Kept beside the request's other loaders rather
 * than among them, keyed by the request's context, so the count queries stay one separable concern.
 */
export interface TotalLoaders {
  links: DataLoader<TotalQuery, number, string>;
  signatures: DataLoader<string, number>;
}

const perRequest = new WeakMap<Context, TotalLoaders>();

export function totalLoaders(ctx: Context): TotalLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      links: new DataLoader((qs) => linkTotals(ctx.db, qs), { cacheKeyFn: totalKey, maxBatchSize: 1000 }),
      signatures: new DataLoader((ids) => signatureTotals(ctx.db, ids), { maxBatchSize: 1000 }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
