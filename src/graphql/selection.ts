import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The key a field's value has in the response: its alias, else its name. */
export const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * A field's place in the response, as plain text: the response keys from the root down, list positions left
 * out (`organisation.agreements.agreement.parties`). Two fields at one place are one field (graphql-js merges
 * them), so what a look-up fetched for a field is found again by its resolver under this key.
 */
export function responsePath(path: GraphQLResolveInfo['path']): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return keys.reverse().join('.');
}

/**
 * The fields selected on the results of `fields`, through inline and named fragments: those whose type
 * condition applies to `type` (its name or one of its interfaces), or every fragment when the type is not
 * known. Resolvers use it to read what the rest of the request will ask for in the same round-trip; a
 * wrong guess costs a round-trip, never a wrong result.
 */
export function selectedFields(info: GraphQLResolveInfo, fields: readonly FieldNode[], type?: GraphQLObjectType): FieldNode[] {
  const applies = (on: string | undefined) => !type || !on || on === type.name || type.getInterfaces().some((i) => i.name === on);
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') out.push(s);
      else if (s.kind === 'InlineFragment') {
        if (applies(s.typeCondition?.name.value)) collect(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) collect(fragment.selectionSet);
      }
    }
  };
  for (const f of fields) collect(f.selectionSet);
  return out;
}
