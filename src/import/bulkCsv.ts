import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { passageRows, type PassageRow } from '../corpus/passages';
import { NODE_COLUMNS, RELATIONSHIP_COLUMNS, type Column } from '../export/columns';
import { ARRAY_DELIMITER, IMPORT_OPTIONS } from '../export/csv';
import { contentHash } from '../writes/sources';
import { foldLedger, ledgerRow, type LedgerRow } from './ledger';
import { unmapped, type RowMapper } from './rowMapping';
import { fileRows, type NodeRow, type RelationshipRow } from './rows';
import { SourceDocuments } from './sources';
import { CorpusFirstPass } from './firstPass';
import { fold } from './write';

/**
 * The validated corpus (the spool of JSON lines validation wrote) as the CSV files `neo4j-admin database import
 * full` loads: the same nodes, relationships, passages and per-file ledgers the transactional path writes, with
 * the same stored types (tests/import-bulk.test.ts compares the two graphs' fingerprints).
 *
 * The tool creates what it reads, so each node and relationship must appear once: rows one id gets from several
 * files are folded first, in file order, as the transactional path folds them. Two streaming passes keep memory
 * to the entities plus only the relationships (and sources) more than one file states: the first (firstPass.ts,
 * made by validation as it parses each document) folds the nodes and counts the others, the second reads the
 * spool and writes every relationship stated once as it goes.
 */

export interface BulkCsv {
  dir: string;
  /** neo4j-admin's arguments: --nodes=…, --relationships=… and the format options. */
  args: string[];
  counts: { nodes: number; relationships: number; passages: number; files: number; quotes: number; bytes: number };
}

const quoted = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
// An empty string must be quoted, or the tool reads it as absent.
const str = (s: string) => (s === '' ? '""' : quoted(s));

function list(values: readonly unknown[], owner: string, name: string): string {
  for (const v of values) {
    if (String(v).includes(ARRAY_DELIMITER)) throw new Error(`${owner}.${name} holds U+001F, the CSV array delimiter`);
  }
  return values.length ? quoted(values.join(ARRAY_DELIMITER)) : '';
}

function cell(value: unknown, column: Column, owner: string): string {
  if (value === undefined || value === null) return '';
  switch (column.type) {
    case 'string':
      return str(String(value));
    case 'string[]':
      return list(value as unknown[], owner, column.name);
    case 'long':
      return neo4j.isInt(value) ? value.toString() : String(Math.trunc(Number(value)));
    default:
      return String(value);
  }
}

const header = (columns: readonly Column[]) => columns.map((c) => (c.type === 'string' ? c.name : `${c.name}:${c.type}`));

/**
 * Buffered appends: one write per ~1 MB. A row with a line break in a value (a document's text) goes to a
 * sibling `-multiline` file: neo4j-admin is told only those files may hold such fields
 * (`--multiline-fields-format=v2`), and parses the others in parallel chunks, which multiline files forbid.
 */
class CsvFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  private multiline?: CsvFile;
  bytes = 0;
  rows = 0;
  constructor(
    readonly file: string,
    private readonly headerLine: string,
    private readonly split = true,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.append(headerLine);
    this.rows = 0;
  }
  push(line: string): void {
    if (this.split && (line.includes('\n') || line.includes('\r'))) {
      this.multiline ??= new CsvFile(this.file.replace(/\.csv$/, '-multiline.csv'), this.headerLine, false);
      this.multiline.push(line);
      this.rows++;
      return;
    }
    this.append(line);
  }
  private append(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.bytes += fs.writeSync(this.fd, chunk);
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    if (this.multiline) {
      this.multiline.close();
      this.bytes += this.multiline.bytes;
    }
  }
  /** This file and its multiline sibling, if a row needed one. */
  get files(): string[] {
    return this.multiline ? [this.file, this.multiline.file] : [this.file];
  }
  get multilineFiles(): string[] {
    return this.multiline ? [this.multiline.file] : [];
  }
}

const NODE_FIELDS = NODE_COLUMNS.filter((c) => c.name !== 'id');
const REL_FIELDS = RELATIONSHIP_COLUMNS.filter((c) => c.name !== 'id' && c.name !== 'key');

function nodeLine(row: NodeRow, extra: Record<string, unknown>): string {
  const values: Record<string, unknown> = { ...row.props, ...row.lists, ...extra, evidenceSources: row.sources, evidenceQuotes: row.quotes };
  return [str(row.id), `Entity${ARRAY_DELIMITER}${row.kind}`, ...NODE_FIELDS.map((c) => cell(values[c.name], c, row.id))].join(',');
}

function relationshipLine(row: RelationshipRow): string {
  const values: Record<string, unknown> = { ...row.props, ...row.lists, evidenceSources: row.sources, evidenceQuotes: row.quotes };
  return [str(row.from), str(row.to), row.type, str(row.id), str(row.key), ...REL_FIELDS.map((c) => cell(values[c.name], c, row.id))].join(',');
}

const passageLine = (p: PassageRow) =>
  [str(p.id), 'Passage', str(p.source), String(p.index), str(p.text), list(p.facts, p.id, 'facts')].join(',');

const ledgerLine = (l: LedgerRow) =>
  [
    str(l.source),
    'ImportedFile',
    str(l.file),
    str(l.folder),
    list(l.facts, l.source, 'facts'),
    list(l.props, l.source, 'props'),
    list(l.quoteFacts, l.source, 'quoteFacts'),
    list(l.quotes, l.source, 'quotes'),
  ].join(',');

function multilineOptions(files: string[]): string[] {
  if (!files.length) return [];
  if (files.some((f) => f.includes(','))) return ['--multiline-fields=true'];
  return ['--multiline-fields-format=v2', `--multiline-fields=${files.join(',')}`];
}

export async function* spoolLines(spoolFile: string): AsyncIterable<{ doc: unknown; file: string }> {
  const input = fs.createReadStream(spoolFile, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      const { file, doc } = JSON.parse(line) as { file: string; doc: unknown };
      yield { doc, file };
    }
  } finally {
    input.destroy();
  }
}

export async function writeBulkCsv(
  spoolFile: string,
  dir: string,
  /** `firstPass`: made by validation as it parsed each document (bulk.ts); made here from the spool if not given. */
  options: { sourcesDir: string; mapRows?: RowMapper; onFile?: (files: number) => void; firstPass?: CorpusFirstPass },
): Promise<BulkCsv> {
  const mapRows = options.mapRows ?? unmapped;
  fs.mkdirSync(dir, { recursive: true });

  // Pass 1 (unless validation made it): fold the nodes; count how many files state each relationship and describe each source.
  let first = options.firstPass;
  if (!first) {
    first = new CorpusFirstPass();
    for await (const { doc } of spoolLines(spoolFile)) first.add(mapRows(fileRows(doc)));
  }
  const { nodes, relationshipCount, sourceCount } = first;

  const nodeCsv = new CsvFile(path.join(dir, 'nodes.csv'), ['id:ID(Entity)', ':LABEL', ...header(NODE_FIELDS)].join(','));
  const relCsv = new CsvFile(
    path.join(dir, 'relationships.csv'),
    [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', 'id', 'key', ...header(REL_FIELDS)].join(','),
  );
  const passageCsv = new CsvFile(path.join(dir, 'passages.csv'), 'id:ID(Passage),:LABEL,source,index:double,text,facts:string[]');
  const ledgerCsv = new CsvFile(path.join(dir, 'ledger.csv'), 'source:ID(ImportedFile),:LABEL,file,folder,facts:string[],props:string[],quoteFacts:string[],quotes:string[]');
  let quotes = 0;
  try {
    // Pass 2: relationships, passages and ledgers; those stated by several files are folded and written last.
    const documents = new SourceDocuments(options.sourcesDir);
    const sharedRelationships = new Map<string, RelationshipRow>();
    const sharedLedgers = new Map<string, LedgerRow>();
    const passages = new Map<string, PassageRow>();
    const passageSources = new Map<string, number>();
    let files = 0;
    for await (const { doc, file } of spoolLines(spoolFile)) {
      const rows = mapRows(fileRows(doc));
      for (const row of rows.relationships) {
        if (relationshipCount.get(row.id) === 1) relCsv.push(relationshipLine(row));
        else {
          const seen = sharedRelationships.get(row.id);
          if (seen) fold(seen, row);
          else sharedRelationships.set(row.id, row);
        }
      }
      const ledger = ledgerRow(file, rows);
      quotes += ledger.quotes.length;
      if (sourceCount.get(ledger.source) === 1) ledgerCsv.push(ledgerLine(ledger));
      else {
        const seen = sharedLedgers.get(ledger.source);
        if (seen) foldLedger(seen, ledger);
        else sharedLedgers.set(ledger.source, ledger);
      }
      const source = rows.nodes[0]!;
      const bytes = documents.load(String(source.props.file));
      if (bytes) {
        const shared = sourceCount.get(source.id)! > 1;
        for (const p of passageRows(doc as Parameters<typeof passageRows>[0], bytes.toString('utf8'))) {
          if (!shared) passageCsv.push(passageLine(p));
          else {
            // As import-passages.cypher merges them: the facts of each file citing the document, later ones last.
            const seen = passages.get(p.id);
            if (seen) seen.facts = [...seen.facts.filter((f) => !p.facts.includes(f)), ...p.facts];
            else passages.set(p.id, p);
          }
        }
        passageSources.set(source.id, 1);
      }
      options.onFile?.(++files);
    }
    for (const row of sharedRelationships.values()) relCsv.push(relationshipLine(row));
    for (const row of sharedLedgers.values()) ledgerCsv.push(ledgerLine(row));
    for (const p of passages.values()) passageCsv.push(passageLine(p));
    for (const row of nodes.values()) {
      let extra: Record<string, unknown> = {};
      if (row.kind === 'Source') {
        // The document's text is stored with its Source, as the transactional path stores it.
        const bytes = documents.load(String(row.props.file));
        if (bytes) extra = { documentText: bytes.toString('utf8'), contentHash: contentHash(bytes) };
      }
      nodeCsv.push(nodeLine(row, extra));
    }
    for (const f of [nodeCsv, relCsv, passageCsv, ledgerCsv]) f.close();
    return {
      dir,
      args: [
        ...[nodeCsv, passageCsv, ledgerCsv].flatMap((f) => f.files.map((file) => `--nodes=${file}`)),
        ...relCsv.files.map((file) => `--relationships=${file}`),
        ...IMPORT_OPTIONS.filter((o) => !o.startsWith('--multiline-fields')),
        ...multilineOptions([nodeCsv, passageCsv, ledgerCsv, relCsv].flatMap((f) => f.multilineFiles)),
      ],
      counts: {
        nodes: nodeCsv.rows,
        relationships: relCsv.rows,
        passages: passageCsv.rows,
        files,
        quotes,
        bytes: nodeCsv.bytes + relCsv.bytes + passageCsv.bytes + ledgerCsv.bytes,
      },
    };
  } catch (err) {
    for (const f of [nodeCsv, relCsv, passageCsv, ledgerCsv]) {
      try {
        f.close();
      } catch {
        // already closed
      }
    }
    throw err;
  }
}
