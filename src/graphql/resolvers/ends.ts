import type { NodeRow, RelationshipRow } from '../../store/rows';
import type { Context } from '../context';

/**
 * The ends of a relationship: the rows the store already gave when it had them (returned as they are: no
 * promise for graphql-js to wait on), otherwise one batched look-up by id (a node can only be missing if it
 * was deleted mid-request).
 */
export function fromOf(r: RelationshipRow, ctx: Context): NodeRow | Promise<NodeRow> {
  return r.from ?? mustLoad(ctx, r.fromId);
}

export function toOf(r: RelationshipRow, ctx: Context): NodeRow | Promise<NodeRow> {
  return r.to ?? mustLoad(ctx, r.toId);
}

/** The organisation a SIGNED relationship names in `onBehalfOf`, when it names one (read with it by links). */
export function onBehalfOf(r: RelationshipRow, ctx: Context): NodeRow | null | Promise<NodeRow | null> {
  if (!r.onBehalfOf) return null;
  return r.onBehalfOfNode ?? ctx.loaders.node.load(r.onBehalfOf);
}

async function mustLoad(ctx: Context, id: string): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new Error(`Node ${id} vanished during the request`);
  return node;
}
