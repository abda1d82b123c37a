import type { SignatureResolvers } from '../generated/types';
import { precisionOf } from '../../store/rows';
import { relationshipEvidence } from './Evidence';
import { fromOf, onBehalfOf, toOf } from './ends';

export const Signature: SignatureResolvers = {
  person: (r, _a, ctx) => fromOf(r, ctx),
  agreement: (r, _a, ctx) => toOf(r, ctx),
  onBehalfOf: (r, _a, ctx) => onBehalfOf(r, ctx),
  date: (r) => r.date ?? null,
  datePrecision: (r) => precisionOf(r.date),
  dateInferred: (r) => r.dateInferred ?? null,
  evidence: (r, _a, ctx) => relationshipEvidence(r, ctx),
};
