/**
 * Writes what derives from src/model/model.ts: cypher/schema.cypher (constraints and indexes), docs/model.md
 * (diagram and tables) and schema/model.graphql (kinds, enums, links, the path union). `npm run model` rewrites
 * them, then run `npm run codegen`; a test fails when any is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_ARTIFACTS } from '../src/model/artifacts';

const root = path.resolve(__dirname, '..');
for (const [file, render] of Object.entries(MODEL_ARTIFACTS)) fs.writeFileSync(path.join(root, file), render());
console.log(`wrote ${Object.keys(MODEL_ARTIFACTS).join(', ')}`);
