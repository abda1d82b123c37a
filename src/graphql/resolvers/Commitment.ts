import type { CommitmentResolvers } from '../generated/types';
import { entityFields, linksOf } from './entity';

export const Commitment: CommitmentResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  committedBy: (n, _a, ctx) => linksOf(ctx, n, ['COMMITS_TO'], 'IN'),
  includedIn: (n, _a, ctx) => linksOf(ctx, n, ['INCLUDES'], 'IN'),
};
