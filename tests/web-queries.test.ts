import { buildSchema, parse, validate } from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema';
import { DUPLICATE_QUERIES } from '../web/src/duplicateQueries';
import { QUERIES } from '../web/src/queries';

describe('does the explorer ask only what the public contract offers?', () => {
  const schema = buildSchema(loadTypeDefs());

  const all: Record<string, string> = { ...QUERIES, ...DUPLICATE_QUERIES };
  it.each(Object.keys(all))('%s is valid against schema/*.graphql', (name) => {
    const errors = validate(schema, parse(all[name]!)).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
