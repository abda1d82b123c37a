import type { ProgrammeResolvers } from '../generated/types';
import { datedFields, entityFields, firstLinkField, linksField } from './entity';

export const Programme: ProgrammeResolvers = {
  ...entityFields,
  ...datedFields,
  type: (n) => (n.type ?? null) as never,
  agreement: firstLinkField(['ESTABLISHES'], 'IN', { kinds: ['Agreement'] }),
  agreements: linksField(['ESTABLISHES'], 'IN', { kinds: ['Agreement'] }),
  commitments: linksField(['INCLUDES'], 'OUT'),
  runBy: linksField(['RUNS'], 'IN'),
  partOf: linksField(['PART_OF'], 'OUT', { kinds: ['Programme'] }),
  parts: linksField(['PART_OF'], 'IN', { kinds: ['Programme'] }),
  participants: linksField(['TAKES_PART_IN'], 'IN', { paged: true }),
  places: linksField(['LOCATED_IN'], 'OUT'),
  statementsAbout: linksField(['ABOUT'], 'IN', { kinds: ['Statement'] }),
  figures: linksField(['ABOUT'], 'IN', { kinds: ['Figure'] }),
};
