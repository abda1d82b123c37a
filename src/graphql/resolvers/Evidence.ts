import type { EvidenceRow, NodeRow, RelationshipRow } from '../../store/rows';
import type { Context } from '../context';
import { notFound } from '../errors';
import type { EvidenceResolvers } from '../generated/types';

export const Evidence: EvidenceResolvers = {
  // Read with the quote by every query that reads evidence; the look-up is a fallback.
  source: async (e, _a, ctx) => {
    const source = e.source ?? (await ctx.loaders.node.load(e.sourceId));
    if (!source) throw notFound('source', e.sourceId);
    return source;
  },
};

/** A node's evidence: read with it when the query that found it was asked for it, else one batched look-up. */
export function nodeEvidence(n: NodeRow, ctx: Context): EvidenceRow[] | Promise<EvidenceRow[]> {
  return n.evidence ?? ctx.loaders.evidence.load({ id: n.id });
}

/** A relationship's evidence, likewise (relationships are found between their two ends). */
export function relationshipEvidence(r: RelationshipRow, ctx: Context): EvidenceRow[] | Promise<EvidenceRow[]> {
  return r.evidence ?? ctx.loaders.evidence.load({ id: r.id, fromId: r.fromId, toId: r.toId });
}
