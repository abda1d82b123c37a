/**
 * A query file as Accords sends it, to paste into Neo4j Browser (or cypher-shell):
 *   npx tsx scripts/cypher.ts search
 * Static files (`cypher/<name>.cypher`) are printed with their `{{node n}}`-style placeholders written out
 * from the model and their comments dropped. A builder's template (links, list, neighbourhood-start …) has no
 * text of its own until a request shapes it: the script says which builder of src/cypher writes it, and
 * `npx jest tests/cypher-tck.test.ts` pins examples of each in tests/__snapshots__.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';
import { cypher, isStatic } from '../src/cypher';

const name = process.argv[2]?.replace(/\.cypher$/, '');
const names = fs.readdirSync(path.join(ROOT, 'cypher')).map((f) => f.replace(/\.cypher$/, '')).sort();
if (!name || !names.includes(name)) {
  console.error(`usage: npx tsx scripts/cypher.ts <name>, one of:\n${names.join(' ')}`);
  process.exit(2);
}
if (!isStatic(name)) {
  console.error(`cypher/${name}.cypher is a template: src/cypher writes it for each request shape (see tests/__snapshots__/cypher-tck.test.ts.snap)`);
  process.exit(1);
}
process.stdout.write(`${cypher(name)}\n`);
