import type { AgreementResolvers } from '../generated/types';
import { datedFields, entityFields, linksField, relationshipsField } from './entity';

export const Agreement: AgreementResolvers = {
  ...entityFields,
  ...datedFields,
  type: (n) => n.type as never,
  parties: relationshipsField(['PARTY_TO'], 'IN', 'organisation', { paged: true }),
  // Only SIGNED relationships the sources state: an agreement without them has no signatories, never a guess.
  signatories: relationshipsField(['SIGNED'], 'IN', 'person', { paged: true }),
  programmes: linksField(['ESTABLISHES'], 'OUT', { kinds: ['Programme'] }),
  clauses: linksField(['CONTAINS'], 'OUT'),
  commitments: linksField(['INCLUDES'], 'OUT'),
  renews: linksField(['RENEWS'], 'OUT'),
  renewedBy: linksField(['RENEWS'], 'IN'),
  places: linksField(['LOCATED_IN'], 'OUT'),
  statementsAbout: linksField(['ABOUT'], 'IN', { kinds: ['Statement'] }),
  figures: linksField(['ABOUT'], 'IN', { kinds: ['Figure'] }),
};
