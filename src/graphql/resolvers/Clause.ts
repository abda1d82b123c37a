import type { ClauseResolvers } from '../generated/types';
import { entityFields, firstLinkField } from './entity';

export const Clause: ClauseResolvers = {
  ...entityFields,
  agreement: firstLinkField(['CONTAINS'], 'IN', { kinds: ['Agreement'] }),
};
