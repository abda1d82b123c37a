import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/**
 * HTTP statuses for errors that are the server's state, not the request's: a client (or a load balancer) sees
 * 503 with Retry-After while the database is unavailable, and 504 when a query ran past its deadline.
 */
const STATUS_OF: Record<string, number> = { DATABASE_UNAVAILABLE: 503, DATABASE_TIMEOUT: 504 };

export const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const status = STATUS_OF[String(error.extensions?.code)];
          if (!status) continue;
          response.http.status = status;
          if (status === 503) response.http.headers.set('retry-after', '1');
          return;
        }
      },
    };
  },
};
