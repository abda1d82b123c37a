import type { EvidenceResolvers } from '../generated/types';
import { notFound } from '../errors';

export const Evidence: EvidenceResolvers = {
  source: async (e, _a, ctx) => {
    const source = await ctx.loaders.node.load(e.sourceId);
    if (!source) throw notFound('source', e.sourceId);
    return source;
  },
};
