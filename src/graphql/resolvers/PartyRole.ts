import type { PartyRoleResolvers } from '../generated/types';
import { relationshipEvidence } from './Evidence';
import { fromOf, toOf } from './ends';

export const PartyRole: PartyRoleResolvers = {
  organisation: (r, _a, ctx) => fromOf(r, ctx),
  agreement: (r, _a, ctx) => toOf(r, ctx),
  role: (r) => r.role ?? null,
  evidence: (r, _a, ctx) => relationshipEvidence(r, ctx),
};
