import type { PersonResolvers } from '../generated/types';
import { atMost, entityFields, linksOf, relationshipsOf } from './entity';

export const Person: PersonResolvers = {
  ...entityFields,
  signed: (n, { first }, ctx) => relationshipsOf(ctx, n, ['SIGNED'], 'OUT', atMost(first)),
  roles: (n, _a, ctx) => relationshipsOf(ctx, n, ['HOLDS_ROLE'], 'OUT'),
  takesPartIn: (n, _a, ctx) => linksOf(ctx, n, ['TAKES_PART_IN'], 'OUT'),
  authored: (n, _a, ctx) => linksOf(ctx, n, ['AUTHORED'], 'OUT'),
};
