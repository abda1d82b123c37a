import { getArgumentValues, type FieldNode, type GraphQLInterfaceType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { NODE_KIND_NAMES, NODE_KINDS, type NodeKindName } from '../model/model';
import type { NodeAsk } from '../store/nodes';
import type { AskedFields } from '../store/neighbourhood';
import { selectedFields } from './selection';

/**
 * What a request reads of the nodes and relationships a field returns, as the model's property names behind
 * the selected fields, so that a query returns those and not every property of every kind. Resolvers read a
 * row's properties by their field names; the few computed fields are mapped here to what they read.
 */

/**
 * The properties read of the nodes `fields` return: the fields named like a property (`degree` too, which
 * queries count when asked), the label's property (for nodes of a known kind; `label` itself otherwise), and
 * the date behind `datePrecision`. Every node row has its kind; relationship and evidence fields load by id.
 */
export function nodePropertiesAsked(info: GraphQLResolveInfo, fields: readonly FieldNode[], type?: GraphQLObjectType): string[] {
  const names = new Set(selectedFields(info, fields, type).map((f) => f.name.value));
  // Of a known kind, `label` is its label property; of any kind, the query reads it by kind (nodeList).
  const kind = type && NODE_KIND_NAMES.find((k: NodeKindName) => k === type.name);
  if (kind && names.has('label')) names.add(NODE_KINDS[kind].label);
  if (names.has('datePrecision')) names.add('date');
  return [...names];
}

/** The properties read of the relationships `fields` return: `date` and `datePrecision` read `date` or `asOf`. */
export function relationshipPropertiesAsked(info: GraphQLResolveInfo, fields: readonly FieldNode[]): string[] {
  const names = new Set(selectedFields(info, fields).map((f) => f.name.value));
  if (names.has('date') || names.has('datePrecision')) names.add('date').add('asOf');
  return [...names];
}

/** What a root look-up by id (`node`, `nodes`) reads of the nodes: properties, degree, the evidence's sources. */
export function nodeAsk(info: GraphQLResolveInfo): NodeAsk {
  const properties = nodePropertiesAsked(info, info.fieldNodes);
  const selected = selectedFields(info, info.fieldNodes);
  const evidence = selected.filter((f) => f.name.value === 'evidence');
  const sources = selectedFields(info, evidence).filter((f) => f.name.value === 'source');
  const sourceType = info.schema.getType('Source') as GraphQLObjectType;
  return {
    properties: properties.filter((p) => p !== 'evidenceTotal'),
    degree: properties.includes('degree'),
    evidenceSource: evidence.length > 0 ? nodePropertiesAsked(info, sources, sourceType) : null,
    evidenceFirst: evidenceFirstAsked(info, evidence),
    evidenceTotal: selected.some((f) => f.name.value === 'evidenceTotal'),
  };
}

/**
 * The page of a node's evidence to read: the `first` its `evidence` fields ask, when they all ask the same
 * one (each field's resolver cuts its own page; with different pages, or a bad argument, all is read).
 */
function evidenceFirstAsked(info: GraphQLResolveInfo, evidence: readonly FieldNode[]): number | null {
  const def = (info.schema.getType('Entity') as GraphQLInterfaceType).getFields().evidence!;
  const firsts = new Set<unknown>();
  for (const node of evidence) {
    try {
      firsts.add((getArgumentValues(def, node, info.variableValues) as { first?: unknown }).first ?? null);
    } catch {
      return null; // Its resolver reports the bad argument.
    }
  }
  const [first] = firsts;
  return firsts.size === 1 && Number.isInteger(first) && (first as number) >= 1 && (first as number) <= 1000 ? (first as number) : null;
}

/**
 * The fields a neighbourhood's nodes (centre, nodes, the edges' ends) and edges are asked for, and what is
 * asked of the edges' evidence's sources and of the organisations signatures were made for (null: not asked),
 * which the neighbourhood's own query then reads (the explorer asks both: one round-trip instead of three).
 */
export function neighbourhoodAsked(info: GraphQLResolveInfo): AskedFields {
  const selected = selectedFields(info, info.fieldNodes);
  const named = (name: string) => selected.filter((f) => f.name.value === name);
  const edges = named('edges');
  const edgeFields = selectedFields(info, edges);
  const ends = edgeFields.filter((f) => f.name.value === 'from' || f.name.value === 'to');
  const evidence = edgeFields.filter((f) => f.name.value === 'evidence');
  const behalf = edgeFields.filter((f) => f.name.value === 'onBehalfOf');
  const sources = selectedFields(info, evidence).filter((f) => f.name.value === 'source');
  return {
    node: nodePropertiesAsked(info, [...named('center'), ...named('nodes'), ...ends]),
    relationship: relationshipPropertiesAsked(info, edges),
    evidenceSource: evidence.length > 0 ? nodePropertiesAsked(info, sources, info.schema.getType('Source') as GraphQLObjectType) : null,
    behalf: behalf.length > 0 ? nodePropertiesAsked(info, behalf) : null,
  };
}

/** Whether the items a field returns are asked for their evidence. */
export function asksEvidence(info: GraphQLResolveInfo): boolean {
  return selectedFields(info, info.fieldNodes).some((f) => f.name.value === 'evidence');
}

/** What a passage search reads of each passage: its document's properties, whether its facts and relationships. */
export function passageAsked(info: GraphQLResolveInfo): { source: string[]; facts: boolean; relationships: boolean } {
  const passage = selectedFields(info, info.fieldNodes).filter((f) => f.name.value === 'passage');
  const fields = selectedFields(info, passage);
  const named = (name: string) => fields.filter((f) => f.name.value === name);
  const sourceType = info.schema.getType('Source') as GraphQLObjectType;
  return {
    source: nodePropertiesAsked(info, named('source'), sourceType),
    facts: named('facts').length > 0,
    relationships: named('relationships').length > 0,
  };
}
