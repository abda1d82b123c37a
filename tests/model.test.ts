import fs from 'node:fs';
import path from 'node:path';
import { MODEL_ARTIFACTS } from '../src/model/artifacts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../src/model/model';

const root = path.resolve(__dirname, '..');

describe('the model is described once', () => {
  it.each(Object.keys(MODEL_ARTIFACTS))('%s is what the model generates (run `npm run model` after changing it)', (file) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(MODEL_ARTIFACTS[file]!());
  });

  it('every relationship joins kinds the model defines', () => {
    for (const [type, spec] of Object.entries(RELATIONSHIP_TYPES)) {
      for (const kind of [...spec.from, ...spec.to]) expect([type, kind in NODE_KINDS]).toEqual([type, true]);
    }
  });
});
