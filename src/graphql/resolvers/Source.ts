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
  // Read with the first character of the text: the same batched query, no property added to every projection.
  contentHash: async (n, _a, ctx) => (await sourceText(n.id, 0, 1, ctx))?.contentHash ?? null,
};
