/**
 * Writes what derives from src/model/model.ts: cypher/schema.cypher (constraints and indexes) and
 * docs/model.md (diagram and tables). `npm run model` rewrites them; a test fails when they are stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderModelDoc, renderSchemaCypher } from '../src/model/artifacts';

const root = path.resolve(__dirname, '..');
fs.writeFileSync(path.join(root, 'cypher', 'schema.cypher'), renderSchemaCypher());
fs.writeFileSync(path.join(root, 'docs', 'model.md'), renderModelDoc());
console.log('wrote cypher/schema.cypher and docs/model.md');
