import { getArgumentValues, GraphQLObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { NodeKindName } from '../model/model';
import { nodeWithLinks, type LinkQuery } from '../store/links';
import type { NodeRow } from '../store/rows';
import type { Context } from './context';
import type { LinkFieldSpec } from './resolvers/entity';
import { atMost } from './resolvers/entity';
import { selects } from './selection';

/**
 * A root look-up of a node of a known kind that also fetches, in the same round-trip, the relationship fields
 * the request selects on it (each declares what it follows in `extensions.links`, see resolvers/entity.ts),
 * and primes the request's loaders with them: `agreement(id) { parties … signatories … }` costs one
 * round-trip instead of two. Anything it cannot plan (a bad argument, an unknown field) is left to the field's
 * own resolver, which then asks the database itself.
 */
export async function lookUpWithLinks(ctx: Context, info: GraphQLResolveInfo, id: string, kind: NodeKindName): Promise<NodeRow | null> {
  const withEvidence = selects(info, 'evidence');
  const queries = plannedLinks(info, kind, id);
  if (queries.length === 0) return (withEvidence ? ctx.loaders.nodeWithEvidence : ctx.loaders.node).load(id);
  const found = await nodeWithLinks(ctx.db, id, queries, withEvidence);
  if (!found) return null;
  queries.forEach((q, i) => ctx.loaders.links.prime(q, found.links[i] ?? []));
  return found.node;
}

/** The link queries of the relationship fields selected on a node of type `kind`. */
function plannedLinks(info: GraphQLResolveInfo, kind: NodeKindName, id: string): LinkQuery[] {
  const type = info.schema.getType(kind);
  if (!(type instanceof GraphQLObjectType)) return [];
  const interfaces = new Set(type.getInterfaces().map((i) => i.name));
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') fields.push(s);
      else if (s.kind === 'InlineFragment') {
        const on = s.typeCondition?.name.value;
        if (!on || on === kind || interfaces.has(on)) collect(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        const on = fragment?.typeCondition.name.value;
        if (on === kind || (on && interfaces.has(on))) collect(fragment?.selectionSet);
      }
    }
  };
  for (const f of info.fieldNodes) collect(f.selectionSet);

  const queries = new Map<string, LinkQuery>();
  for (const node of fields) {
    const def = type.getFields()[node.name.value];
    const spec = def?.extensions?.links as LinkFieldSpec | undefined;
    if (!def || !spec) continue;
    try {
      const args = getArgumentValues(def, node, info.variableValues) as { first?: number | null };
      const q: LinkQuery = { id, types: spec.types, direction: spec.direction, kinds: spec.kinds, first: spec.paged ? atMost(args.first) : null };
      queries.set(JSON.stringify(q), q);
    } catch {
      // Its resolver reports the bad argument.
    }
  }
  return [...queries.values()];
}
