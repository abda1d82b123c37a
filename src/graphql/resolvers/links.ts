import type { LinkRow } from '../../store/rows';
import type { Context } from '../context';
import { relationshipEvidence } from './Evidence';

/** OrganisationLink, AgreementLink, …: a node seen through one relationship; all resolve alike. */
export const linkFields = {
  node: (l: LinkRow) => l.node,
  type: (l: LinkRow) => l.relationship.type,
  direction: (l: LinkRow) => l.direction,
  relationship: (l: LinkRow) => l.relationship,
  evidence: (l: LinkRow, _a: unknown, ctx: Context) => relationshipEvidence(l.relationship, ctx),
};
