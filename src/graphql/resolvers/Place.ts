import type { PlaceResolvers } from '../generated/types';
import { entityFields, linksField } from './entity';

export const Place: PlaceResolvers = {
  ...entityFields,
  type: (n) => (n.type ?? null) as never,
  partOf: linksField(['PART_OF', 'LOCATED_IN'], 'OUT', { kinds: ['Place'] }),
  contains: linksField(['LOCATED_IN', 'PART_OF'], 'IN', { paged: true }),
};
