import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { endsOf } from './facts';
import { NODE_KINDS, NodeKindName, RELATIONSHIP_TYPES, RelationshipTypeName } from '../model/model';

/**
 * The facts made or corrected through the API, written as data files (docs/dataset-format.md) that can be
 * reviewed in git and imported elsewhere: one file per source document their evidence cites, with that
 * document's text beside it (`sources/`), each fact listed with the quotes from that document.
 */

type Props = Record<string, unknown>;

export interface ExportReport {
  files: string[];
  nodes: number;
  relationships: number;
}

const fieldsOf = (spec: Record<string, unknown>, props: Props) =>
  Object.fromEntries(Object.keys(spec).filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]));

/** The quotes of a fact from one source, in its order. */
const quotesFrom = (props: Props, sourceId: string) => {
  const sources = (props.evidenceSources as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  return [...new Set(quotes.filter((_, i) => sources[i] === sourceId))];
};

export async function exportApiFacts(db: Database, outDir: string): Promise<ExportReport> {
  const facts = await db.read<{ factType: 'NODE' | 'RELATIONSHIP'; kind: string; props: Props }>(cypher('export-api-facts'));
  const sourceIds = [...new Set(facts.flatMap((f) => (f.props.evidenceSources as string[] | undefined) ?? []))].sort();
  const sources = await db.read<{ props: Props }>(cypher('export-api-sources'), { ids: sourceIds });
  fs.mkdirSync(path.join(outDir, 'sources'), { recursive: true });
  const files: string[] = [];
  for (const { props: s } of sources) {
    const id = s.id as string;
    const file = typeof s.file === 'string' ? s.file : `${id}.txt`;
    if (typeof s.documentText === 'string') fs.writeFileSync(path.join(outDir, 'sources', file), s.documentText);
    const source = { id, ...fieldsOf(NODE_KINDS.Source.fields, s), file, evidence: quotesFrom(s, id) };
    const nodes = facts
      .filter((f) => f.factType === 'NODE' && quotesFrom(f.props, id).length)
      .map((f) => ({ id: f.props.id, kind: f.kind, ...fieldsOf(NODE_KINDS[f.kind as NodeKindName].fields, f.props), evidence: quotesFrom(f.props, id) }));
    const relationships = facts
      .filter((f) => f.factType === 'RELATIONSHIP' && quotesFrom(f.props, id).length)
      .map((f) => {
        const { from, to } = endsOf(f.props.id as string);
        const key = f.props.key ? { key: f.props.key } : {};
        return { type: f.kind, from, to, ...key, ...fieldsOf(RELATIONSHIP_TYPES[f.kind as RelationshipTypeName].fields, f.props), evidence: quotesFrom(f.props, id) };
      });
    const name = path.join(outDir, `${id}.yaml`);
    const header = `# Exported by \`npm run export:api\` from the facts made or corrected through the API that ${id} states.\n`;
    fs.writeFileSync(name, header + YAML.stringify({ source, nodes, relationships }, { lineWidth: 0 }));
    files.push(name);
  }
  return {
    files,
    nodes: facts.filter((f) => f.factType === 'NODE').length,
    relationships: facts.filter((f) => f.factType === 'RELATIONSHIP').length,
  };
}
