import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from './context';
import { formatError } from './errors';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema';
import { costLimitPlugin, validationRules } from './limits';
import { MAX_TOKENS } from '../server/requests';
import { httpStatusPlugin } from './status';
import { bookmarkPlugin } from './bookmarkPlugin';
import { executingGateway, executorFromEnvironment, type ExecutorName } from './executor';

export function createApollo(executor: ExecutorName = executorFromEnvironment()): ApolloServer<Context> {
  // The schema is built here rather than by Apollo so that execution can be swapped (src/graphql/executor.ts).
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  return new ApolloServer<Context>({
    gateway: executingGateway(schema, executor),
    formatError,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns the signals: it stops HTTP, then the driver, then Neo4j, in that order.
    stopOnTerminationSignals: false,
    validationRules,
    // A document past this many tokens is refused by the parser itself, before it builds anything.
    parseOptions: { maxTokens: MAX_TOKENS },
    // The landing page would load scripts from a CDN; the explorer at / is this server's own page.
    // No cache hints are declared, so the cache-control plugin would only add a hook to every field resolved.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), costLimitPlugin, httpStatusPlugin, bookmarkPlugin],
  });
}
