import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Database } from '../../src/db/database';

/**
 * Small corpora written to a temporary folder, with their own source documents, for the importer's tests.
 * Every id contains `-zz-`, which no curated id does, so what a test writes can be removed exactly.
 */

export const FIXTURE_TEXT_A =
  'La Ville de Zedville et Acme ont signé une convention le 3 mars 2008. ' +
  'Jean Zorro, maire de Zedville, l’a signée pour la Ville. ' +
  'La convention prévoit de former 30 personnes par an.\n';
export const FIXTURE_TEXT_B =
  'Acme (la société Acme SA) renouvelle sa convention avec Zedville. ' +
  'Jean Zorro, maire de Zedville, a aussi été adjoint de Zedville en 2001.\n';

export type CorpusDoc = Record<string, unknown>;

/** A valid two-document corpus: file A describes a convention, file B the same actors again. */
export function validCorpus(): { 'a.yaml': CorpusDoc; 'b.yaml': CorpusDoc } {
  return {
    'a.yaml': {
      source: {
        id: 'src-zz-a',
        file: 'zz-a.txt',
        title: 'Convention Zedville–Acme',
        type: 'press_release',
        date: '2008-03',
        evidence: ['La Ville de Zedville et Acme ont signé une convention le 3 mars 2008.'],
      },
      nodes: [
        { id: 'org-zz-zedville', kind: 'Organisation', name: 'Ville de Zedville', aliases: ['la Ville'], type: 'local_authority', evidence: ['La Ville de Zedville'] },
        { id: 'org-zz-acme', kind: 'Organisation', name: 'Acme', type: 'company', evidence: ['Zedville et Acme ont signé'] },
        { id: 'per-zz-jean-zorro', kind: 'Person', name: 'Jean Zorro', evidence: ['Jean Zorro, maire de Zedville'] },
        {
          id: 'agr-zz-zedville-acme',
          kind: 'Agreement',
          title: 'Convention between Zedville and Acme',
          type: 'convention',
          date: '2008-03-03',
          evidence: ['ont signé une convention le 3 mars 2008'],
        },
        {
          id: 'com-zz-30-people',
          kind: 'Commitment',
          title: 'Train 30 people a year',
          type: 'promise',
          quantity: 30,
          unit: 'people',
          period: 'per year',
          evidence: ['La convention prévoit de former 30 personnes par an.'],
        },
      ],
      relationships: [
        { type: 'PARTY_TO', from: 'org-zz-zedville', to: 'agr-zz-zedville-acme', role: 'partner', evidence: ['La Ville de Zedville et Acme ont signé une convention'] },
        { type: 'PARTY_TO', from: 'org-zz-acme', to: 'agr-zz-zedville-acme', role: 'partner', evidence: ['Zedville et Acme ont signé une convention'] },
        {
          type: 'SIGNED',
          from: 'per-zz-jean-zorro',
          to: 'agr-zz-zedville-acme',
          onBehalfOf: 'org-zz-zedville',
          date: '2008-03-03',
          evidence: ['Jean Zorro, maire de Zedville, l’a signée pour la Ville.'],
        },
        { type: 'HOLDS_ROLE', from: 'per-zz-jean-zorro', to: 'org-zz-zedville', title: 'maire', evidence: ['Jean Zorro, maire de Zedville'] },
        { type: 'INCLUDES', from: 'agr-zz-zedville-acme', to: 'com-zz-30-people', evidence: ['La convention prévoit de former 30 personnes par an.'] },
      ],
    },
    'b.yaml': {
      source: { id: 'src-zz-b', file: 'zz-b.txt', title: 'Acme renouvelle', type: 'news_article', evidence: ['Acme (la société Acme SA) renouvelle'] },
      nodes: [
        // Described again, with another alias and this document's own evidence: one node, two sources.
        { id: 'org-zz-acme', kind: 'Organisation', name: 'Acme', aliases: ['Acme SA'], evidence: ['la société Acme SA'] },
        { id: 'org-zz-zedville', kind: 'Organisation', name: 'Ville de Zedville', type: 'local_authority', evidence: ['convention avec Zedville'] },
        { id: 'per-zz-jean-zorro', kind: 'Person', name: 'Jean Zorro', description: 'Mayor of Zedville.', evidence: ['Jean Zorro, maire de Zedville'] },
      ],
      relationships: [
        // Two roles of one person in one organisation: told apart by `key`.
        { type: 'HOLDS_ROLE', from: 'per-zz-jean-zorro', to: 'org-zz-zedville', title: 'maire', evidence: ['Jean Zorro, maire de Zedville'] },
        { type: 'HOLDS_ROLE', from: 'per-zz-jean-zorro', to: 'org-zz-zedville', key: 'adjoint-2001', title: 'adjoint', asOf: '2001', evidence: ['a aussi été adjoint de Zedville en 2001'] },
        // The agreement is described in a.yaml only: a reference across files.
        { type: 'PARTY_TO', from: 'org-zz-acme', to: 'agr-zz-zedville-acme', role: 'partner', evidence: ['Acme (la société Acme SA) renouvelle sa convention avec Zedville.'] },
      ],
    },
  };
}

export interface FixtureCorpus {
  dir: string;
  dataDir: string;
  sourcesDir: string;
  file(name: string): string;
  remove(): void;
}

/** Writes corpus files (objects become YAML; strings are written as they are) and the source documents. */
export function writeFixtureCorpus(
  files: Record<string, CorpusDoc | string>,
  sources: Record<string, string> = { 'zz-a.txt': FIXTURE_TEXT_A, 'zz-b.txt': FIXTURE_TEXT_B },
): FixtureCorpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-fixture-'));
  const dataDir = path.join(dir, 'data');
  const sourcesDir = path.join(dir, 'sources');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(sourcesDir);
  for (const [name, doc] of Object.entries(files)) {
    fs.writeFileSync(path.join(dataDir, name), typeof doc === 'string' ? doc : YAML.stringify(doc, { lineWidth: 0 }));
  }
  for (const [name, text] of Object.entries(sources)) fs.writeFileSync(path.join(sourcesDir, name), text);
  return { dir, dataDir, sourcesDir, file: (name) => path.join(dataDir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Removes what fixture corpora wrote (ids with `-zz-`). */
export async function removeFixtureEntities(db: Database): Promise<void> {
  await db.write("MATCH (n:Entity) WHERE n.id CONTAINS '-zz-' DETACH DELETE n");
  await db.write("MATCH (p:Passage) WHERE p.source CONTAINS '-zz-' DELETE p");
  await db.write("MATCH (f:ImportedFile) WHERE f.source CONTAINS '-zz-' DELETE f");
}

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  nodeProperties: number;
  relationshipProperties: number;
  nodeQuotes: number;
  relationshipQuotes: number;
  labels: number;
}

/** Enough of the graph's state to see any write: counts of nodes, relationships, properties, labels, quotes. */
/** The graph's facts, counted: everything but the change log, which records each import (src/writes/changeLog.ts). */
export async function graphFingerprint(db: Database): Promise<GraphFingerprint> {
  const [row] = await db.read<GraphFingerprint>(`
    CALL () {
      MATCH (n) WHERE NOT n:Change
      RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties, sum(size(labels(n))) AS labels,
             sum(size(coalesce(n.evidenceQuotes, []))) AS nodeQuotes
    }
    CALL () {
      MATCH ()-[r]->()
      RETURN count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties,
             sum(size(coalesce(r.evidenceQuotes, []))) AS relationshipQuotes
    }
    RETURN nodes, relationships, nodeProperties, relationshipProperties, nodeQuotes, relationshipQuotes, labels`);
  return row!;
}
