import type { PartyRoleResolvers } from '../generated/types';
import { evidenceOf } from '../../store/rows';
import { fromOf, toOf } from './ends';

export const PartyRole: PartyRoleResolvers = {
  organisation: (r, _a, ctx) => fromOf(r, ctx),
  agreement: (r, _a, ctx) => toOf(r, ctx),
  role: (r) => r.role ?? null,
  evidence: (r) => evidenceOf(r),
};
