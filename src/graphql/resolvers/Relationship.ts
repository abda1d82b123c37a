import type { RelationshipResolvers } from '../generated/types';
import { precisionOf } from '../../store/rows';
import { relationshipEvidence } from './Evidence';
import { fromOf, onBehalfOf, toOf } from './ends';

export const Relationship: RelationshipResolvers = {
  type: (r) => r.type,
  from: (r, _a, ctx) => fromOf(r, ctx),
  to: (r, _a, ctx) => toOf(r, ctx),
  role: (r) => r.role ?? null,
  title: (r) => r.title ?? null,
  onBehalfOf: (r, _a, ctx) => onBehalfOf(r, ctx),
  date: (r) => r.date ?? r.asOf ?? null,
  datePrecision: (r) => precisionOf(r.date ?? r.asOf),
  dateInferred: (r) => r.dateInferred ?? null,
  evidence: (r, _a, ctx) => relationshipEvidence(r, ctx),
};
