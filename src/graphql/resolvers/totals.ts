import type { RelationshipTypeName } from '../../model/model';
import type { NodeRow } from '../../store/rows';
import { nonEmptyOrNull } from '../arguments';
import type { Context } from '../context';
import { totalLoaders } from '../totals';
import type { LinkFieldSpec } from './entity';

/**
 * The `…Total` sibling of every relationship list field that takes `first` (`agreementsTotal` beside
 * `agreements`): how many there are in all, counted along the very definition the list field follows (its
 * `extensions.links`, resolvers/entity.ts), so a list and its total cannot disagree.
 */

type FieldResolvers = Record<string, unknown>;

const relationshipsTotal = (n: NodeRow, args: { types?: RelationshipTypeName[] | null; direction?: 'OUT' | 'IN' | 'BOTH' | null }, ctx: Context) =>
  totalLoaders(ctx).links.load({ id: n.id, types: nonEmptyOrNull(args.types, 'types'), direction: args.direction ?? 'BOTH', kinds: null });

/** `kind`'s resolvers with a `<field>Total` for each paged link field, and `relationshipsTotal`. */
export function withTotals<T extends FieldResolvers>(kind: T): T {
  const totals: FieldResolvers = { relationshipsTotal };
  for (const [name, field] of Object.entries(kind)) {
    const spec = (field as { extensions?: { links?: LinkFieldSpec } } | undefined)?.extensions?.links;
    if (!spec?.paged) continue;
    // A look-up that read the list counted it too (NodeRow.totals, src/graphql/prefetch.ts).
    totals[`${name}Total`] = (n: NodeRow, _args: unknown, ctx: Context) =>
      n.totals?.get(name) ?? totalLoaders(ctx).links.load({ id: n.id, types: spec.types, direction: spec.direction, kinds: spec.kinds });
  }
  return { ...kind, ...totals };
}

/** Organisation.signaturesTotal: signatures made on its behalf (a property of SIGNED, not a link of its own). */
// Counted by the signatures' own query (the panel asks them with their evidence): one round-trip for both.
export const signaturesTotal = (n: NodeRow, _args: unknown, ctx: Context) =>
  n.totals?.get('signatures') ??
  ctx.loaders.signaturesOnBehalfOf.load({ id: n.id, first: 0, evidence: true }).then((p) => p.total);
