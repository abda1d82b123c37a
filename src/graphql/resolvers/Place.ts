import type { PlaceResolvers } from '../generated/types';
import { atMost, entityFields, linksOf } from './entity';

export const Place: PlaceResolvers = {
  ...entityFields,
  type: (n) => (n.type ?? null) as never,
  partOf: (n, _a, ctx) => linksOf(ctx, n, ['PART_OF', 'LOCATED_IN'], 'OUT', ['Place']),
  contains: (n, { first }, ctx) => linksOf(ctx, n, ['LOCATED_IN', 'PART_OF'], 'IN', null, atMost(first)),
};
