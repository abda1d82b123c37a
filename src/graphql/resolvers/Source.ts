import type { SourceResolvers } from '../generated/types';
import { datedFields, entityFields } from './entity';
import { sourceText } from './writes';

export const Source: SourceResolvers = {
  ...entityFields,
  ...datedFields,
  type: (n) => n.type as never,
  file: (n) => (typeof n.file === 'string' ? n.file : null),
  url: (n) => (typeof n.url === 'string' ? n.url : null),
  language: (n) => (typeof n.language === 'string' ? n.language : null),
  text: (n, { offset, length }, ctx) => sourceText(n.id, offset, length, ctx),
};
