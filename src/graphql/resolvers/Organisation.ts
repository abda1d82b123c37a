import type { OrganisationResolvers } from '../generated/types';
import { atMost, entityFields, linksField, prefetchedFor, relationshipsField } from './entity';
import { asksEvidence } from '../asked';

export const Organisation: OrganisationResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  agreements: relationshipsField(['PARTY_TO'], 'OUT', 'agreement', { paged: true }),
  people: relationshipsField(['HOLDS_ROLE'], 'IN', 'person', { paged: true }),
  // The page is cut in the database, and the evidence read with it when the request asks for it.
  // Read with the node by a look-up that asked them (src/graphql/prefetch.ts), else one batched query.
  signatures: (n, { first }, ctx, info) =>
    prefetchedFor(n, info)?.map((l) => l.relationship) ??
    ctx.loaders.signaturesOnBehalfOf.load({ id: n.id, first: atMost(first), evidence: asksEvidence(info) }).then((p) => p.signatures),
  commitments: linksField(['COMMITS_TO'], 'OUT'),
  runs: linksField(['RUNS'], 'OUT', { paged: true }),
  parents: linksField(['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'OUT', { kinds: ['Organisation'] }),
  children: linksField(['SUBSIDIARY_OF', 'MEMBER_OF', 'PART_OF'], 'IN', { kinds: ['Organisation'], paged: true }),
  places: linksField(['LOCATED_IN'], 'OUT'),
  statements: linksField(['SAID'], 'OUT'),
  affiliates: linksField(['AFFILIATED_WITH'], 'IN'),
  statementsAbout: linksField(['ABOUT'], 'IN', { kinds: ['Statement'] }),
  figures: linksField(['ABOUT'], 'IN', { kinds: ['Figure'] }),
};
