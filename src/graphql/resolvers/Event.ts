import type { EventResolvers } from '../generated/types';
import { datedFields, entityFields, linksField } from './entity';

export const Event: EventResolvers = {
  ...entityFields,
  ...datedFields,
  runBy: linksField(['RUNS'], 'IN'),
  participants: linksField(['TAKES_PART_IN'], 'IN', { paged: true }),
  places: linksField(['LOCATED_IN'], 'OUT'),
  figures: linksField(['ABOUT'], 'IN', { kinds: ['Figure'] }),
};
