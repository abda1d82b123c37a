import type { SourceResolvers } from '../generated/types';
import { datedFields, entityFields } from './entity';

export const Source: SourceResolvers = {
  ...entityFields,
  ...datedFields,
  type: (n) => n.type as never,
  file: (n) => String(n.file ?? ''),
};
