import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** How an operation is executed: `jit` compiles each document once into a function (graphql-jit); `graphql-js` walks it per request. */
export type ExecutorName = 'jit' | 'graphql-js';

/** `GRAPHQL_EXECUTOR=graphql-js` runs graphql-js's execution instead (to compare, or should a compiled document misbehave). */
export function executorFromEnvironment(env: NodeJS.ProcessEnv = process.env): ExecutorName {
  return env.GRAPHQL_EXECUTOR === 'graphql-js' ? 'graphql-js' : 'jit';
}

/**
 * Apollo Server's one hook for replacing execution is the gateway interface: a "gateway" that serves a fixed
 * schema and hands Apollo an executor. Apollo still parses, validates (with this project's rules), caches the
 * validated document, runs the plugins (cost limit, statuses, bookmarks) and formats errors; only the walk over
 * the selection is replaced.
 *
 * With `jit`, an operation's document is compiled once (graphql-jit: resolvers called from generated code,
 * leaves serialised without a resolver of their own) and the compiled function is kept beside the document
 * Apollo caches (a WeakMap: the document store's eviction frees it). A document graphql-jit cannot compile is
 * executed by graphql-js, as is every one with `graphql-js`.
 */
export function executingGateway(schema: GraphQLSchema, name: ExecutorName): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const planOf = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let plan = byOperation.get(key);
    if (plan === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      plan = isCompiledQuery(result) ? result : null;
      byOperation.set(key, plan);
    }
    return plan;
  };
  const executor: Executor = async ({ document, operation, request, context }) => {
    const variables = request.variables ?? {};
    // The name the client sent (the request context's `operationName` is the resolved operation's, null when
    // the name matched none).
    const operationName = request.operationName ?? null;
    const byGraphqlJs = () => execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    // No operation (an unknown name): graphql-js's error, which Apollo answers with OPERATION_RESOLUTION_FAILURE.
    const plan = name === 'jit' && operation ? planOf(document, operationName) : null;
    if (!plan) return (await byGraphqlJs()) as ExecutionResult<Record<string, unknown>>;
    const result = await plan.query(undefined, context, variables);
    // No data at all: the variables were refused before anything ran. graphql-js refuses them again, with the
    // errors Apollo recognises as BAD_USER_INPUT (they point at the variable's definition).
    if (result.data === undefined) return (await byGraphqlJs()) as ExecutionResult<Record<string, unknown>>;
    if (result.errors) return { ...result, errors: result.errors.map(asGraphQLError) } as ExecutionResult<Record<string, unknown>>;
    return result as ExecutionResult<Record<string, unknown>>;
  };
  let listener: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = undefined;
      };
    },
    async load() {
      // Apollo reads the schema from this announcement before it takes requests.
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype but leave `extensions` undefined when the thrown error
 * had none (a database error), where Apollo and formatError expect graphql-js's object: rebuilt as one, with
 * the same message, path, locations and original error, they are formatted exactly as before.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) (rebuilt as { locations?: unknown }).locations = error.locations;
  return rebuilt;
}
