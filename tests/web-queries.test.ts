import { buildSchema, parse, validate } from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema';
import { QUERIES } from '../web/src/queries';

describe('does the explorer ask only what the public contract offers?', () => {
  const schema = buildSchema(loadTypeDefs());

  it.each(Object.keys(QUERIES))('%s is valid against schema/*.graphql', (name) => {
    const errors = validate(schema, parse(QUERIES[name]!)).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
