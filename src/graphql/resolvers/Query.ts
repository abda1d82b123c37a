import type { QueryResolvers } from '../generated/types';
import { graphStats } from '../../store/stats';

export const Query: QueryResolvers = {
  stats: (_parent, _args, { db }) => graphStats(db),
};
