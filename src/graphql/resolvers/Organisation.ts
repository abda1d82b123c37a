import type { OrganisationResolvers } from '../generated/types';
import { atMost, entityFields, linksOf, relationshipsOf } from './entity';

export const Organisation: OrganisationResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  agreements: (n, { first }, ctx) => relationshipsOf(ctx, n, ['PARTY_TO'], 'OUT', atMost(first)),
  people: (n, { first }, ctx) => relationshipsOf(ctx, n, ['HOLDS_ROLE'], 'IN', atMost(first)),
  signatures: async (n, { first }, ctx) => {
    const limit = atMost(first);
    const all = await ctx.loaders.signaturesOnBehalfOf.load(n.id);
    return limit === null ? all : all.slice(0, limit);
  },
  commitments: (n, _a, ctx) => linksOf(ctx, n, ['COMMITS_TO'], 'OUT'),
  runs: (n, { first }, ctx) => linksOf(ctx, n, ['RUNS'], 'OUT', null, atMost(first)),
  parents: (n, _a, ctx) => linksOf(ctx, n, ['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'OUT', ['Organisation']),
  children: (n, { first }, ctx) => linksOf(ctx, n, ['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'IN', ['Organisation'], atMost(first)),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
