import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { testDatabase } from './support/db';
import { exportText, graphContent } from './support/exports';

/**
 * FollowTheMoney lines as Aleph or OpenSanctions would read them: every entity of a schema FtM defines, with
 * only the properties that schema has (tests/fixtures/ftm/schema.json, derived from FtM's model), its
 * required ones present, and every entity-valued property pointing at an entity of the export whose schema
 * fits the property's range.
 */
interface FtmSchema {
  abstract: boolean;
  extends: string[];
  required: string[];
  properties: Record<string, { type: string; range?: string }>;
}
const FTM = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'ftm', 'schema.json'), 'utf8')) as {
  schemata: Record<string, FtmSchema>;
};
const isA = (schema: string, range: string) => schema === range || (FTM.schemata[schema]?.extends ?? []).includes(range);

interface Entity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}
const parse = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Entity);

describe('can Aleph and OpenSanctions read the graph as FollowTheMoney?', () => {
  let db: Database;
  let entities: Entity[];
  let byId: Map<string, Entity>;
  beforeAll(async () => {
    db = await testDatabase();
    entities = parse(await exportText(db, 'ftm'));
    byId = new Map(entities.map((e) => [e.id, e]));
  });
  afterAll(() => db.close());

  it('writes one entity per node and per relationship (and one representation per signature on behalf of someone), ids unique', async () => {
    const fp = await graphContent(db);
    const [row] = await db.read<{ onBehalf: number }>('MATCH ()-[s:SIGNED]->() WHERE s.onBehalfOf IS NOT NULL RETURN count(*) AS onBehalf');
    expect(entities.length).toBe(fp.nodes + fp.relationships + row!.onBehalf);
    expect(byId.size).toBe(entities.length);
  });

  it('uses only schemata FtM defines, and for each only the properties it has, all values strings', () => {
    const problems: string[] = [];
    for (const e of entities) {
      const schema = FTM.schemata[e.schema];
      if (!schema || schema.abstract) {
        problems.push(`${e.id}: ${e.schema} is not a concrete FtM schema`);
        continue;
      }
      for (const [name, values] of Object.entries(e.properties)) {
        if (!schema.properties[name]) problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        if (!Array.isArray(values) || !values.length || values.some((v) => typeof v !== 'string' || !v)) {
          problems.push(`${e.id}: ${name} must be a list of non-empty strings`);
        }
      }
      for (const name of schema.required) if (!e.properties[name]) problems.push(`${e.id}: ${e.schema} requires ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('points every entity-valued property at an entity of the export whose schema fits its range', () => {
    const problems: string[] = [];
    let links = 0;
    for (const e of entities) {
      for (const [name, values] of Object.entries(e.properties)) {
        const spec = FTM.schemata[e.schema]!.properties[name]!;
        if (spec.type !== 'entity') continue;
        for (const id of values) {
          links++;
          const target = byId.get(id);
          if (!target) problems.push(`${e.id}.${name} → ${id}: not in the export`);
          else if (spec.range && !isA(target.schema, spec.range)) problems.push(`${e.id}.${name} → ${id}: a ${target.schema}, not a ${spec.range}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(400);
  });

  it('maps the kinds as the README says: a local authority is a PublicBody, an agreement a Contract, a source a Document', () => {
    expect(byId.get('org-ville-de-paris')).toMatchObject({ schema: 'PublicBody', properties: { name: ['Ville de Paris'] } });
    expect(byId.get('per-eric-boustouller')?.schema).toBe('Person');
    const apvf = byId.get('agr-apvf-microsoft-2007')!;
    expect(apvf).toMatchObject({ schema: 'Contract', properties: { contractDate: ['2007-11-27'], classification: ['protocol'] } });
    expect(apvf.properties.proof).toEqual(['src-003-apvf-protocol']);
    expect(byId.get('src-003-apvf-protocol')?.schema).toBe('Document');
  });

  it('carries the evidence: quotes with their source, publishers, and the signature as an FtM link with its date', () => {
    const signed = byId.get('per-eric-boustouller|SIGNED|agr-apvf-microsoft-2007')!;
    expect(signed).toMatchObject({ schema: 'UnknownLink', properties: { subject: ['per-eric-boustouller'], object: ['agr-apvf-microsoft-2007'], role: ['signed'], date: ['2007-11-27'] } });
    expect(signed.properties.description!.some((q) => q.startsWith('src-003-apvf-protocol: Le protocole a été officiellement signé'))).toBe(true);
    expect(byId.get('per-eric-boustouller|SIGNED|agr-apvf-microsoft-2007|onBehalfOf')).toMatchObject({
      schema: 'Representation',
      properties: { agent: ['per-eric-boustouller'], client: ['org-microsoft-france'] },
    });
    const withPublisher = entities.filter((e) => e.properties.publisher?.length);
    expect(withPublisher.length).toBeGreaterThan(100);
  });

  it('gives the same ids and lines in the same order at every export', async () => {
    expect(await exportText(db, 'ftm')).toBe(entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });
});
