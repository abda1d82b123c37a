import type { RoleResolvers } from '../generated/types';
import { precisionOf } from '../../store/rows';
import { relationshipEvidence } from './Evidence';
import { fromOf, toOf } from './ends';

export const Role: RoleResolvers = {
  person: (r, _a, ctx) => fromOf(r, ctx),
  organisation: (r, _a, ctx) => toOf(r, ctx),
  title: (r) => r.title ?? '',
  asOf: (r) => r.asOf ?? null,
  datePrecision: (r) => precisionOf(r.asOf),
  dateInferred: (r) => r.dateInferred ?? null,
  evidence: (r, _a, ctx) => relationshipEvidence(r, ctx),
};
