import type { OrganisationResolvers } from '../generated/types';
import { atMost, entityFields, linksField, relationshipsField } from './entity';

export const Organisation: OrganisationResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  agreements: relationshipsField(['PARTY_TO'], 'OUT', 'agreement', { paged: true }),
  people: relationshipsField(['HOLDS_ROLE'], 'IN', 'person', { paged: true }),
  signatures: async (n, { first }, ctx) => {
    const limit = atMost(first);
    const all = await ctx.loaders.signaturesOnBehalfOf.load(n.id);
    return limit === null ? all : all.slice(0, limit);
  },
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
