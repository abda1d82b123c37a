import fs from 'node:fs';
import path from 'node:path';
import { renderModelDoc, renderSchemaCypher } from '../src/model/artifacts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../src/model/model';

const root = path.resolve(__dirname, '..');

describe('the model is described once', () => {
  it('cypher/schema.cypher is what the model generates (run `npm run model` after changing it)', () => {
    expect(fs.readFileSync(path.join(root, 'cypher', 'schema.cypher'), 'utf8')).toBe(renderSchemaCypher());
  });

  it('docs/model.md is what the model generates', () => {
    expect(fs.readFileSync(path.join(root, 'docs', 'model.md'), 'utf8')).toBe(renderModelDoc());
  });

  it('every relationship joins kinds the model defines', () => {
    for (const [type, spec] of Object.entries(RELATIONSHIP_TYPES)) {
      for (const kind of [...spec.from, ...spec.to]) expect([type, kind in NODE_KINDS]).toEqual([type, true]);
    }
  });
});
