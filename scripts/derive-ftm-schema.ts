/**
 * Derives tests/fixtures/ftm/schema.json from a checkout of FollowTheMoney's model (its
 * `followthemoney/schema/*.yaml`): for every schema, its ancestors and every property it may carry (its own and
 * inherited), with the range of entity-valued properties. The FtM export test checks each exported entity
 * against this table; nothing of FtM's code is used, only the names its model defines.
 *
 *   npx tsx scripts/derive-ftm-schema.ts <followthemoney checkout> <commit> > tests/fixtures/ftm/schema.json
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

interface RawSchema {
  extends?: string[];
  abstract?: boolean;
  required?: string[];
  properties?: Record<string, { type?: string; range?: string } | null>;
}

const [checkout, commit] = process.argv.slice(2);
if (!checkout || !commit) {
  process.stderr.write('usage: npx tsx scripts/derive-ftm-schema.ts <followthemoney checkout> <commit>\n');
  process.exit(2);
}
const dir = path.join(checkout, 'followthemoney', 'schema');
const raw = new Map<string, RawSchema>();
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const doc = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, RawSchema>;
  for (const [name, schema] of Object.entries(doc)) raw.set(name, schema ?? {});
}

function ancestors(name: string): string[] {
  const seen: string[] = [];
  const visit = (n: string) => {
    for (const parent of raw.get(n)?.extends ?? []) {
      if (!seen.includes(parent)) {
        seen.push(parent);
        visit(parent);
      }
    }
  };
  visit(name);
  return seen;
}

const schemata: Record<string, unknown> = {};
for (const name of [...raw.keys()].sort()) {
  const chain = [name, ...ancestors(name)];
  const properties: Record<string, { type: string; range?: string }> = {};
  // The schema's own definition wins over an ancestor's (e.g. Company narrows `jurisdiction`).
  for (const n of [...chain].reverse()) {
    for (const [prop, spec] of Object.entries(raw.get(n)?.properties ?? {})) {
      properties[prop] = { type: spec?.type ?? 'string', ...(spec?.range ? { range: spec.range } : {}) };
    }
  }
  const required = [...new Set(chain.flatMap((n) => raw.get(n)?.required ?? []))].sort();
  schemata[name] = {
    abstract: !!raw.get(name)?.abstract,
    extends: ancestors(name),
    required,
    properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))),
  };
}

process.stdout.write(
  JSON.stringify(
    {
      provenance: {
        repository: 'https://github.com/alephdata/followthemoney',
        commit,
        files: 'followthemoney/schema/*.yaml',
        derivedBy: 'scripts/derive-ftm-schema.ts',
        note: 'Names and ranges only, derived from the FtM model (MIT); no code of FtM is used.',
      },
      schemata,
    },
    null,
    1,
  ) + '\n',
);
