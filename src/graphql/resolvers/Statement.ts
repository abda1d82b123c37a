import type { NodeRow } from '../../store/rows';
import { precisionOf } from '../../store/rows';
import type { Context } from '../context';
import type { FigureResolvers, StatementResolvers } from '../generated/types';
import { entityFields, linksField } from './entity';
import { nodeEvidence } from './Evidence';

/** The documents a node's evidence cites, each once, in the order of the evidence. */
async function sourcesOf(n: NodeRow, ctx: Context) {
  const evidence = await nodeEvidence(n, ctx);
  const ids = [...new Set(evidence.map((e) => e.sourceId))];
  const read = new Map(evidence.filter((e) => e.source).map((e) => [e.sourceId, e.source as NodeRow]));
  const sources = await Promise.all(ids.map((id) => read.get(id) ?? ctx.loaders.node.load(id)));
  return sources.filter((s): s is NodeRow => s !== null);
}

/** Quoted or reported speech: who said it (SAID), about what (ABOUT), in which documents. */
export const Statement: StatementResolvers = {
  ...entityFields,
  datePrecision: (n) => precisionOf(n.date),
  mode: (n) => n.mode as never,
  speakers: linksField(['SAID'], 'IN'),
  subjects: linksField(['ABOUT'], 'OUT'),
  sources: (n, _a, ctx) => sourcesOf(n, ctx),
};

/** A number a source states, and what it is about (ABOUT). */
export const Figure: FigureResolvers = {
  ...entityFields,
  asOfPrecision: (n) => precisionOf(n.asOf as string | null | undefined),
  status: (n) => n.status as never,
  qualifier: (n) => (n.qualifier ?? null) as never,
  about: linksField(['ABOUT'], 'OUT'),
  sources: (n, _a, ctx) => sourcesOf(n, ctx),
};
