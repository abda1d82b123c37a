import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';

const CYPHER_DIR = path.join(ROOT, 'cypher');
const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`: queries live in files, with `$parameters`, never built from values. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (the schema) on `;` at line ends, dropping `//` comments. */
export function statements(name: string): string[] {
  return cypher(name)
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
