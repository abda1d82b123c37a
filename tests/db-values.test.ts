import neo4j from 'neo4j-driver';
import { toNative } from '../src/db/values';

describe('what the driver returns, as plain JSON values', () => {
  it('turns integers, dates and nodes nested in maps and lists into numbers, strings and property maps', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Person'], { id: 'per-x', born: neo4j.int(1950) }, 'e1');
    const row = {
      count: neo4j.int(42),
      signed: new neo4j.types.Date(2008, 1, 29),
      people: [{ node, degree: neo4j.int(3), aliases: ['A', 'B'] }],
      missing: null,
      flag: true,
    };
    expect(toNative(row)).toEqual({
      count: 42,
      signed: '2008-01-29',
      people: [{ node: { id: 'per-x', born: 1950 }, degree: 3, aliases: ['A', 'B'] }],
      missing: null,
      flag: true,
    });
  });

  it('refuses an integer JavaScript cannot hold exactly, rather than round it', () => {
    expect(() => toNative({ big: neo4j.int('9007199254740993') })).toThrow(/outside the safe range/);
  });
});
