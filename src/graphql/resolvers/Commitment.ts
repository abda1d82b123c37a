import type { CommitmentResolvers } from '../generated/types';
import { entityFields, linksField } from './entity';

export const Commitment: CommitmentResolvers = {
  ...entityFields,
  type: (n) => n.type as never,
  committedBy: linksField(['COMMITS_TO'], 'IN'),
  includedIn: linksField(['INCLUDES'], 'IN'),
  figures: linksField(['ABOUT'], 'IN', { kinds: ['Figure'] }),
};
