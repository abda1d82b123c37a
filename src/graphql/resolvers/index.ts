import type { Resolvers } from '../generated/types';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
};
