import type { AgreementResolvers } from '../generated/types';
import { atMost, datedFields, entityFields, linksOf, relationshipsOf } from './entity';

export const Agreement: AgreementResolvers = {
  ...entityFields,
  ...datedFields,
  type: (n) => n.type as never,
  parties: (n, { first }, ctx) => relationshipsOf(ctx, n, ['PARTY_TO'], 'IN', atMost(first)),
  // Only SIGNED relationships the sources state: an agreement without them has no signatories, never a guess.
  signatories: (n, { first }, ctx) => relationshipsOf(ctx, n, ['SIGNED'], 'IN', atMost(first)),
  programmes: (n, _a, ctx) => linksOf(ctx, n, ['ESTABLISHES'], 'OUT', ['Programme']),
  clauses: (n, _a, ctx) => linksOf(ctx, n, ['CONTAINS'], 'OUT'),
  commitments: (n, _a, ctx) => linksOf(ctx, n, ['INCLUDES'], 'OUT'),
  renews: (n, _a, ctx) => linksOf(ctx, n, ['RENEWS'], 'OUT'),
  renewedBy: (n, _a, ctx) => linksOf(ctx, n, ['RENEWS'], 'IN'),
  places: (n, _a, ctx) => linksOf(ctx, n, ['LOCATED_IN'], 'OUT'),
};
