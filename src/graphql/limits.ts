import { GraphQLError, Kind, ValidationContext, ASTVisitor, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

/** Deepest selection nesting a request may have (`{ a { b { c } } }` is 3). */
export const MAX_DEPTH = 10;

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet, fragments, visited) : 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, visited));
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || visited.has(name)) continue;
      max = Math.max(max, depthOf(fragment.selectionSet, fragments, new Set([...visited, name])));
    }
  }
  return max;
}

/** Refuses operations nested deeper than MAX_DEPTH before anything runs. */
export function depthLimit(context: ValidationContext): ASTVisitor {
  const doc = context.getDocument();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  return {
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragments, new Set());
      if (depth > MAX_DEPTH) {
        context.reportError(
          new GraphQLError(`The query is nested ${depth} levels deep; the limit is ${MAX_DEPTH}`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_COMPLEX' },
          }),
        );
      }
    },
  };
}

export const validationRules = [depthLimit];
