import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/**
 * Reports a write's bookmark in `extensions.bookmark`. A client sends it back in `X-Accords-Bookmark`
 * (src/server/access.ts) and its reads wait until the database has the write: it reads its own writes
 * on any API instance, against any member of a cluster.
 */
export const bookmarkPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (!contextValue.bookmark || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...(result.extensions ?? {}), bookmark: contextValue.bookmark };
      },
    };
  },
};
