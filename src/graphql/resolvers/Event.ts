import type { EventResolvers } from '../generated/types';
import { datedFields, entityFields, linksOf } from './entity';

export const Event: EventResolvers = {
  ...entityFields,
  ...datedFields,
  runBy: (n, _a, ctx) => linksOf(ctx, n, ['RUNS'], 'IN'),
  participants: (n, _a, ctx) => linksOf(ctx, n, ['TAKES_PART_IN'], 'IN'),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
