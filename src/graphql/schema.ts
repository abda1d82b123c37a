import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';

/** The SDL in schema/*.graphql: the single source of truth of the API. */
export function loadTypeDefs(): string {
  const dir = path.join(ROOT, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
