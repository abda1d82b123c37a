import type { OrganisationResolvers } from '../generated/types';
import { entityFields, linksOf, relationshipsOf } from './entity';

export const Organisation: OrganisationResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  agreements: (n, _a, ctx) => relationshipsOf(ctx, n, ['PARTY_TO'], 'OUT'),
  people: (n, _a, ctx) => relationshipsOf(ctx, n, ['HOLDS_ROLE'], 'IN'),
  signatures: (n, _a, ctx) => ctx.loaders.signaturesOnBehalfOf.load(n.id),
  commitments: (n, _a, ctx) => linksOf(ctx, n, ['COMMITS_TO'], 'OUT'),
  runs: (n, _a, ctx) => linksOf(ctx, n, ['RUNS'], 'OUT'),
  parents: (n, _a, ctx) => linksOf(ctx, n, ['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'OUT', ['Organisation']),
  children: (n, _a, ctx) => linksOf(ctx, n, ['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'IN', ['Organisation']),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
