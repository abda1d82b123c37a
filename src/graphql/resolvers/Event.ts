import type { EventResolvers } from '../generated/types';
import { atMost, datedFields, entityFields, linksOf } from './entity';

export const Event: EventResolvers = {
  ...entityFields,
  ...datedFields,
  runBy: (n, _a, ctx) => linksOf(ctx, n, ['RUNS'], 'IN'),
  participants: (n, { first }, ctx) => linksOf(ctx, n, ['TAKES_PART_IN'], 'IN', null, atMost(first)),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
