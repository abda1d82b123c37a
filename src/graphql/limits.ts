import type { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  valueFromASTUntyped,
} from 'graphql';
import type { Context } from './context';

/** Deepest selection nesting a request may have (`{ a { b { c } } }` is 3). */
export const MAX_DEPTH = 10;

/**
 * Depth of a selection. A fragment's depth is computed once (`memo`): spread twice at every level, fragments
 * would otherwise make this walk exponential in the document's size, a request that blocks the server.
 */
function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
  memo: Map<string, number> = new Map(),
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet, fragments, visited, memo) : 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, visited, memo));
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || visited.has(name)) continue;
      let depth = memo.get(name);
      if (depth === undefined) {
        depth = depthOf(fragment.selectionSet, fragments, new Set([...visited, name]), memo);
        memo.set(name, depth);
      }
      max = Math.max(max, depth);
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

/**
 * The cost limit: an estimate, before anything runs, of how many objects a request can make the server
 * produce. Each object-typed field counts the number of objects it may return, multiplied along the nesting:
 * a field with a `first` or `limit` argument returns at most that many (its default when not given), any other
 * list field is assumed to return DEFAULT_LIST_SIZE. Inside connections, neighbourhoods and paths, the lists
 * are already counted by the argument of the field that returned them.
 */
export const MAX_COST = 50_000;
const DEFAULT_LIST_SIZE = 10;
/** Fields whose lists are bounded by an argument of the field above them. */
const SIZED_BY_PARENT = /Connection$|^Neighbourhood$|^PathSearch$/;

function argumentValue(
  field: FieldNode,
  def: GraphQLField<unknown, unknown>,
  name: string,
  variables: Record<string, unknown>,
): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  const argDef = def.args.find((a) => a.name === name);
  if (!argDef) return undefined;
  let value: unknown = argDef.defaultValue;
  if (arg) value = arg.value.kind === Kind.VARIABLE ? (variables[arg.value.name.value] ?? argDef.defaultValue) : valueFromASTUntyped(arg.value);
  return typeof value === 'number' ? value : undefined;
}

/**
 * The cost is linear in the multiplier, so a fragment's cost on a type is computed once, for one object, and
 * scaled (`memo`): fragments spread twice at every level would otherwise make the estimate exponential.
 */
function costOf(
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  multiplier: number,
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
  memo: Map<string, number> = new Map(),
): number {
  let cost = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
      if (!fragment || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) continue;
      const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      if (!on) continue;
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += costOf(fragment.selectionSet, on, multiplier, schema, fragments, variables, seen, memo);
        continue;
      }
      const key = `${sel.name.value}@${on.name}`;
      let unit = memo.get(key);
      if (unit === undefined) {
        unit = costOf(fragment.selectionSet, on, 1, schema, fragments, variables, new Set([...seen, sel.name.value]), memo);
        memo.set(key, unit);
      }
      cost += unit * multiplier;
      continue;
    }
    if (!sel.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
    const def = type.getFields()[sel.name.value];
    if (!def) continue;
    const size =
      argumentValue(sel, def, 'first', variables) ??
      argumentValue(sel, def, 'limit', variables) ??
      (isListType(getNullableType(def.type)) && !SIZED_BY_PARENT.test(type.name) ? DEFAULT_LIST_SIZE : 1);
    const objects = multiplier * Math.max(1, size);
    cost += objects + costOf(sel.selectionSet, getNamedType(def.type), objects, schema, fragments, variables, seen, memo);
  }
  return cost;
}

/** The estimated cost of the operation a request will run. */
export function estimateCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  return costOf(operation.selectionSet, root, 1, schema, fragments, variables, new Set());
}

/**
 * Refuses, before execution, requests estimated above MAX_COST, and reports to every client what its request
 * cost: the estimate and the database round-trips it made (`extensions.cost`), so clients and tests can see
 * that a nested request costs one round-trip per level, not one per item.
 */
/**
 * Estimates kept per document (the validated document Apollo caches and hands back for the same text) and
 * operation, and per the values of the numeric variables: the estimate reads no other variable (a page size
 * given as `$first` changes it, an id does not). Held weakly: the document store's eviction frees them.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();

function cachedCost(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>): number {
  let byKey = costs.get(document);
  if (!byKey) costs.set(document, (byKey = new Map()));
  let key = operation.name?.value ?? '';
  for (const [name, value] of Object.entries(variables)) if (typeof value === 'number') key += `|${name}=${value}`;
  let cost = byKey.get(key);
  if (cost === undefined) {
    cost = estimateCost(document, operation, schema, variables);
    // A client cycling through page sizes must not grow the map without bound.
    if (byKey.size >= 64) byKey.clear();
    byKey.set(key, cost);
  }
  return cost;
}

export const costLimitPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, schema, request, contextValue }) {
        if (!operation) return;
        const cost = cachedCost(document, operation, schema, request.variables ?? {});
        contextValue.cost = cost;
        if (cost > MAX_COST) {
          throw new GraphQLError(
            `The query could return about ${cost} objects; the limit is ${MAX_COST}. Ask for smaller pages (first/limit) or fewer nested lists`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: MAX_COST, http: { status: 400 } } },
          );
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          cost: { estimated: contextValue.cost, limit: MAX_COST, databaseRoundTrips: contextValue.db.roundTrips },
        };
      },
    };
  },
};
