import type { ProgrammeResolvers } from '../generated/types';
import { atMost, datedFields, entityFields, firstLink, linksOf } from './entity';

export const Programme: ProgrammeResolvers = {
  ...entityFields,
  ...datedFields,
  agreement: (n, _a, ctx) => firstLink(ctx, n, ['ESTABLISHES'], 'IN', ['Agreement']),
  agreements: (n, _a, ctx) => linksOf(ctx, n, ['ESTABLISHES'], 'IN', ['Agreement']),
  commitments: (n, _a, ctx) => linksOf(ctx, n, ['INCLUDES'], 'OUT'),
  runBy: (n, _a, ctx) => linksOf(ctx, n, ['RUNS'], 'IN'),
  partOf: (n, _a, ctx) => linksOf(ctx, n, ['PART_OF'], 'OUT', ['Programme']),
  parts: (n, _a, ctx) => linksOf(ctx, n, ['PART_OF'], 'IN', ['Programme']),
  participants: (n, { first }, ctx) => linksOf(ctx, n, ['TAKES_PART_IN'], 'IN', null, atMost(first)),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
