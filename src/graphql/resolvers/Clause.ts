import type { ClauseResolvers } from '../generated/types';
import { entityFields, firstLink } from './entity';

export const Clause: ClauseResolvers = {
  ...entityFields,
  agreement: (n, _a, ctx) => firstLink(ctx, n, ['CONTAINS'], 'IN', ['Agreement']),
};
