import {
  getArgumentValues,
  getNamedType,
  GraphQLObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
} from 'graphql';
import { NODE_KIND_NAMES, type NodeKindName } from '../model/model';
import { nodeAsk, nodePropertiesAsked } from './asked';
import type { NodeFields } from '../db/cypher';
import { nodeWithLinks, type LinkPlan, type LinkQuery } from '../store/links';
import type { NodeRow } from '../store/rows';
import type { Context } from './context';
import type { LinkFieldSpec } from './resolvers/entity';
import { atMost } from './resolvers/entity';
import { selectedFields } from './selection';

/**
 * A root look-up of a node of a known kind that also fetches, in the same round-trip, the relationship fields
 * the request selects on it and on the nodes at their other ends (two levels: `organisation(id) { agreements {
 * agreement { parties signatories } } }` is one query compiled for that shape, reading only the properties
 * asked). Each relationship field declares what it follows in `extensions.links` (resolvers/entity.ts); what
 * is fetched is attached to its node under the very field it answers (the field's first AST node, as
 * graphql-js hands it to the resolver), so a field asked elsewhere with other subfields never sees it. Anything
 * it cannot plan (a bad argument, an interface at the far end, a third level) is left to the field's own
 * resolver, which then asks the database itself: planning saves round-trips, it never changes an answer.
 */
export async function lookUpWithLinks(ctx: Context, info: GraphQLResolveInfo, id: string, kind: NodeKindName): Promise<NodeRow | null> {
  const ask = nodeAsk(info);
  const plan = planLinks(info, kind, info.fieldNodes, 2);
  return plan.length === 0 ? ctx.loaders.asked(ask).load(id) : nodeWithLinks(ctx.db, id, plan, ask);
}

/** The relationship fields selected on the nodes `fields` return (of type `kind`), `levels` deep. */
function planLinks(info: GraphQLResolveInfo, kind: string, fields: readonly FieldNode[], levels: number): LinkPlan[] {
  const type = info.schema.getType(kind);
  if (levels === 0 || !(type instanceof GraphQLObjectType)) return [];
  // graphql-js merges the nodes of one response key into one resolver call, whose fieldNodes[0] is the first.
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const node of selectedFields(info, fields, type)) {
    const key = node.alias?.value ?? node.name.value;
    byResponseKey.set(key, [...(byResponseKey.get(key) ?? []), node]);
  }
  const plans: LinkPlan[] = [];
  for (const group of byResponseKey.values()) {
    const node = group[0]!;
    const def = type.getFields()[node.name.value];
    const spec = def?.extensions?.links as LinkFieldSpec | undefined;
    if (!def || !spec) continue;
    let first: number | null = null;
    try {
      const args = getArgumentValues(def, node, info.variableValues) as { first?: number | null };
      first = spec.paged ? atMost(args.first) : null;
    } catch {
      continue; // Its resolver reports the bad argument.
    }
    const query: Omit<LinkQuery, 'id'> = { types: spec.types, direction: spec.direction, kinds: spec.kinds, first };
    const itemType = getNamedType(def.type);
    const items = itemType instanceof GraphQLObjectType ? selectedFields(info, group, itemType) : [];
    const farEnds = items.filter((f) => f.name.value === spec.farEnd);
    const farType = itemType instanceof GraphQLObjectType ? getNamedType(itemType.getFields()[spec.farEnd]?.type) : undefined;
    plans.push({
      query,
      field: node,
      children: farType && farEnds.length > 0 ? planLinks(info, farType.name, farEnds, levels - 1) : [],
      // A …Link's relationship reaches the far node too, as one of its ends: read what that asks as well.
      node: farType instanceof GraphQLObjectType ? nodeFields(info, farType, [...farEnds, ...relationshipEnds(info, items)]) : null,
      behalf: behalfFields(info, itemType, items),
    });
  }
  return plans;
}

/**
 * What the items ask of a signature's organisation: a …Link's relationship may be asked anything (true: every
 * property); PartyRole, Signature and Role say whether `onBehalfOf` is asked, and for which fields.
 */
function behalfFields(info: GraphQLResolveInfo, itemType: GraphQLNamedType, items: readonly FieldNode[]): boolean | NodeFields {
  if (!(itemType instanceof GraphQLObjectType) || 'relationship' in itemType.getFields()) return true;
  const asked = items.filter((f) => f.name.value === 'onBehalfOf');
  if (asked.length === 0) return false;
  return nodeFields(info, info.schema.getType('Organisation') as GraphQLObjectType, asked) ?? true;
}

/** The `from` and `to` fields selected on the `relationship` of link items. */
function relationshipEnds(info: GraphQLResolveInfo, items: readonly FieldNode[]): FieldNode[] {
  const relationships = items.filter((f) => f.name.value === 'relationship');
  return selectedFields(info, relationships).filter((f) => f.name.value === 'from' || f.name.value === 'to');
}

/** The properties a request reads of nodes of `type` (a node kind) through `fields`, and whether `degree` is asked. */
function nodeFields(info: GraphQLResolveInfo, type: GraphQLObjectType, fields: readonly FieldNode[]): NodeFields | null {
  const kind = NODE_KIND_NAMES.find((k) => k === type.name);
  if (!kind) return null;
  const properties = nodePropertiesAsked(info, fields, type);
  return { kind, properties, degree: properties.includes('degree') };
}
