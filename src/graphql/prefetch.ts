import {
  getArgumentValues,
  getNamedType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
} from 'graphql';
import { NODE_KIND_NAMES, NODE_KINDS, type NodeKindName } from '../model/model';
import { nodeAsk, nodePropertiesAsked } from './asked';
import { nodeWithLinks, type LinkPlan, type LinkQuery, type NodeFields } from '../store/links';
import type { NodeRow } from '../store/rows';
import type { Context } from './context';
import type { LinkFieldSpec } from './resolvers/entity';
import { atMost } from './resolvers/entity';
import { responseKey, responsePath, selectedFields } from './selection';

/**
 * A root look-up of a node of a known kind that also fetches, in the same round-trip, the relationship fields
 * the request selects on it and on the nodes at their other ends (two levels: `organisation(id) { agreements {
 * agreement { parties signatories } } }` is one query compiled for that shape, reading only the properties
 * asked). Each relationship field declares what it follows in `extensions.links` (resolvers/entity.ts); what
 * is fetched is attached to its node under the very field it answers (its place in the response, plain text:
 * src/graphql/selection.ts, responsePath), so a field asked elsewhere with other subfields never sees it. Anything
 * it cannot plan (a bad argument, an interface at the far end, a third level) is left to the field's own
 * resolver, which then asks the database itself: planning saves round-trips, it never changes an answer.
 */
export async function lookUpWithLinks(ctx: Context, info: GraphQLResolveInfo, id: string, kind: NodeKindName): Promise<NodeRow | null> {
  const ask = nodeAsk(info);
  const plan = planLinks(info, kind, info.fieldNodes, 2, rootPaths(info));
  return plan.length === 0 ? ctx.loaders.asked(ask).load(id) : nodeWithLinks(ctx.db, id, plan, ask);
}

/**
 * `node(id)`, whose kind is known only once it is found: when the request selects relationship fields in
 * fragments on one kind (the explorer's `… on Organisation { agreements(first: 10) { … } }`), the look-up is
 * compiled for that kind, its relationship fields read only if the node is of it; otherwise (no such fields,
 * or several kinds' fields) the node alone, its fields resolved level by level.
 */
export async function lookUpAnyKind(ctx: Context, info: GraphQLResolveInfo, id: string): Promise<NodeRow | null> {
  const ask = nodeAsk(info);
  const planned = NODE_KIND_NAMES.map((kind) => ({ kind, plan: planLinks(info, kind, info.fieldNodes, 2, rootPaths(info)) })).filter((p) => p.plan.length > 0);
  const only = planned.length === 1 ? planned[0]! : null;
  return only ? nodeWithLinks(ctx.db, id, only.plan, ask, only.kind) : ctx.loaders.asked(ask).load(id);
}

/** The place in the response of the root field a look-up answers (each of its nodes: one place). */
const rootPaths = (info: GraphQLResolveInfo) => info.fieldNodes.map(() => responsePath(info.path));

/**
 * The relationship fields selected on the nodes `fields` return (of type `kind`), `levels` deep; `paths` is
 * each field's place in the response (responsePath). The fields of one response key are planned together,
 * from the first one's arguments, and found again at the first one's place (graphql-js merges the nodes of
 * one response key into one resolver call).
 */
function planLinks(info: GraphQLResolveInfo, kind: string, fields: readonly FieldNode[], levels: number, paths: readonly string[]): LinkPlan[] {
  const type = info.schema.getType(kind);
  if (levels === 0 || !(type instanceof GraphQLObjectType)) return [];
  const byResponseKey = new Map<string, { nodes: FieldNode[]; path: string }>();
  fields.forEach((field, i) => {
    for (const node of selectedFields(info, [field], type)) {
      const key = responseKey(node);
      const group = byResponseKey.get(key);
      if (group) group.nodes.push(node);
      else byResponseKey.set(key, { nodes: [node], path: `${paths[i]}.${key}` });
    }
  });
  const plans: LinkPlan[] = [];
  const names = new Set([...byResponseKey.values()].map((g) => g.nodes[0]!.name.value));
  for (const { nodes: group, path } of byResponseKey.values()) {
    const node = group[0]!;
    const def = type.getFields()[node.name.value];
    if (def && kind === 'Organisation' && node.name.value === 'signatures') {
      const plan = signaturesPlan(info, def, group, names.has('signaturesTotal'), path);
      if (plan) plans.push(plan);
      continue;
    }
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
      field: path,
      children: farType && farEnds.length > 0 ? planLinks(info, farType.name, farEnds, levels - 1, farEnds.map((f) => `${path}.${responseKey(f)}`)) : [],
      // A …Link's relationship reaches the far node too, as one of its ends: read what that asks as well.
      node: nodeFields(info, farType, [...farEnds, ...relationshipEnds(info, items)]),
      behalf: behalfFields(info, itemType, items),
      evidence: evidenceSources(info, items),
      // Its total, counted in the same query when the request asks it beside the list.
      total: names.has(`${node.name.value}Total`) ? node.name.value : null,
    });
  }
  return plans;
}

/**
 * `Organisation.signatures` (made on the organisation's behalf: SIGNED.onBehalfOf names it, the signature is
 * not one of its relationships): a page of them with their persons, agreements and evidence as asked, found
 * by the relationship index. What it does not plan (`onBehalfOf`, a relationship field of a person) is
 * resolved on the rows as usual.
 */
function signaturesPlan(info: GraphQLResolveInfo, def: GraphQLField<unknown, unknown>, group: FieldNode[], total: boolean, path: string): LinkPlan | null {
  let first: number | null;
  try {
    first = atMost((getArgumentValues(def, group[0]!, info.variableValues) as { first?: number | null }).first);
  } catch {
    return null; // Its resolver reports the bad argument.
  }
  const itemType = getNamedType(def.type) as GraphQLObjectType;
  const items = selectedFields(info, group, itemType);
  const named = (name: string) => items.filter((f) => f.name.value === name);
  return {
    query: { types: ['SIGNED'], direction: 'IN', kinds: null, first },
    field: path,
    children: [],
    node: nodeFields(info, info.schema.getType('Person') ?? undefined, named('person')),
    behalf: false,
    evidence: evidenceSources(info, items),
    total: total ? 'signatures' : null,
    signatures: { agreement: nodeFields(info, info.schema.getType('Agreement') ?? undefined, named('agreement')) },
  };
}

/**
 * What the items ask of a signature's organisation: a …Link's relationship may be asked anything (true: every
 * property); PartyRole, Signature and Role say whether `onBehalfOf` is asked, and for which fields.
 */
function behalfFields(info: GraphQLResolveInfo, itemType: GraphQLNamedType, items: readonly FieldNode[]): boolean | NodeFields {
  if (!(itemType instanceof GraphQLObjectType)) return true;
  // A …Link's relationship may be asked anything: every property of the organisation, when it is asked at all.
  if ('relationship' in itemType.getFields()) return items.some((f) => f.name.value === 'relationship');
  const asked = items.filter((f) => f.name.value === 'onBehalfOf');
  if (asked.length === 0) return false;
  return nodeFields(info, info.schema.getType('Organisation') ?? undefined, asked) ?? true;
}

/** The `from` and `to` fields selected on the `relationship` of link items. */
function relationshipEnds(info: GraphQLResolveInfo, items: readonly FieldNode[]): FieldNode[] {
  const relationships = items.filter((f) => f.name.value === 'relationship');
  return selectedFields(info, relationships).filter((f) => f.name.value === 'from' || f.name.value === 'to');
}

/** The fields asked of the sources of the items' evidence (a relationship's), or null when none asks evidence. */
function evidenceSources(info: GraphQLResolveInfo, items: readonly FieldNode[]): string[] | null {
  const evidence = items.filter((f) => f.name.value === 'evidence');
  if (evidence.length === 0) return null;
  const sources = selectedFields(info, evidence).filter((f) => f.name.value === 'source');
  return nodePropertiesAsked(info, sources, info.schema.getType('Source') as GraphQLObjectType);
}

/**
 * The properties a request reads of nodes of `type` through `fields`, and whether `degree` is asked: of a
 * node kind, or of any kind (an interface: `label` is then read by kind, src/cypher/projection.ts, nodeList), as long
 * as nothing but properties is asked of them (a relationship field of theirs would need the full node).
 */
function nodeFields(info: GraphQLResolveInfo, type: GraphQLNamedType | undefined, fields: readonly FieldNode[]): NodeFields | null {
  if (type instanceof GraphQLObjectType) {
    const kind = NODE_KIND_NAMES.find((k) => k === type.name);
    if (!kind) return null;
    const properties = nodePropertiesAsked(info, fields, type);
    return { kind, properties, degree: properties.includes('degree') };
  }
  if (!(type instanceof GraphQLInterfaceType) || type.name !== 'Entity') return null;
  const properties = nodePropertiesAsked(info, fields);
  return PROPERTY_ONLY(properties) ? { kind: null, properties, degree: properties.includes('degree') } : null;
}

/** Whether a selection on nodes of any kind asks only fields that are properties (or computed from them). */
const SCALAR_FIELDS = new Set(['__typename', 'id', 'kind', 'label', 'degree', 'datePrecision', 'aliases', ...new Set(Object.values(NODE_KINDS).flatMap((k) => Object.keys(k.fields)))]);
const PROPERTY_ONLY = (properties: readonly string[]) => properties.every((p) => SCALAR_FIELDS.has(p));
