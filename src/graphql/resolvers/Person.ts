import type { PersonResolvers } from '../generated/types';
import { entityFields, linksField, relationshipsField } from './entity';

export const Person: PersonResolvers = {
  ...entityFields,
  signed: relationshipsField(['SIGNED'], 'OUT', 'agreement', { paged: true }),
  roles: relationshipsField(['HOLDS_ROLE'], 'OUT', 'organisation'),
  takesPartIn: linksField(['TAKES_PART_IN'], 'OUT'),
  authored: linksField(['AUTHORED'], 'OUT'),
  statements: linksField(['SAID'], 'OUT'),
  affiliations: linksField(['AFFILIATED_WITH'], 'OUT'),
  statementsAbout: linksField(['ABOUT'], 'IN', { kinds: ['Statement'] }),
};
