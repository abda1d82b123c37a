import crypto from 'node:crypto';
import DataLoader from 'dataloader';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../cypher';
import type { Database } from '../db/database';
import { properties } from '../model/properties';
import { NODE_KINDS } from '../model/model';
import { ChangeRow, recordChanges } from './changeLog';
import type { Author } from './facts';
import { checkGivenFields, checkRequired, Problems } from './validateWrite';

/**
 * Source documents added through the API. Their text is stored on the Source node (`documentText`, a name
 * no projection reads: only `Source.text` does, a page at a time), with its sha-256 (`contentHash`), by
 * which an identical text is recognised and not stored twice. The importer stores the texts of the
 * corpus' documents the same way, so quotes are checked against the same bytes whichever way a fact comes.
 */

export interface SourceWriteRow {
  id: string;
  created: boolean;
  change: ChangeRow | null;
}

export interface SourceTextRow {
  contentHash: string | null;
  text: string;
  offset: number;
  totalLength: number;
  nextOffset: number | null;
}

export const contentHash = (text: string | Buffer) => crypto.createHash('sha256').update(text).digest('hex');

/** The first line of the text, as the quote by which a source added through the API is its own evidence. */
function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? text;
  return line.trim().slice(0, 200).trim();
}

export interface AddSourceInput {
  text: string;
  title: string;
  type?: string | null;
  publisher?: string | null;
  author?: string | null;
  date?: string | null;
  url?: string | null;
  language?: string | null;
}

export const MAX_SOURCE_TEXT = 5_000_000;

export async function addSource(tx: ManagedTransaction, input: AddSourceInput, author: Author): Promise<SourceWriteRow> {
  const problems = new Problems();
  if (!input.text.trim()) problems.add('text', 'must not be empty: the text is what quotes are checked against');
  if (input.text.length > MAX_SOURCE_TEXT) problems.add('text', `longer than ${MAX_SOURCE_TEXT} characters`);
  const given: Record<string, unknown> = {};
  for (const field of ['title', 'type', 'publisher', 'author', 'date', 'url', 'language'] as const) {
    const v = input[field];
    if (v !== undefined && v !== null) given[field] = v;
  }
  given.type ??= 'other';
  const spec = NODE_KINDS.Source.fields;
  checkGivenFields(spec, given, 'a Source', problems, 'input');
  checkRequired(spec, given, 'a Source', problems, 'input');
  problems.throwIfAny('addSource');
  const hash = contentHash(input.text);
  const id = `src-${hash.slice(0, 16)}`;
  const { props: stored } = properties(spec, given);
  const quote = firstLine(input.text);
  const props = {
    ...stored,
    id,
    documentText: input.text,
    contentHash: hash,
    version: 1,
    evidenceSources: [id],
    evidenceQuotes: [quote],
  };
  const [row] = (await tx.run(cypher('source-add'), { props })).records;
  const created = row!.get('created') as boolean;
  const existing = row!.get('id') as string;
  if (!created) return { id: existing, created, change: null };
  const after = { kind: 'Source', fields: given, evidence: [{ sourceId: id, quote }], version: 1, contentHash: hash, length: input.text.length };
  const [change] = await recordChanges(tx, [
    { actor: author.principal.id, actorName: author.principal.name, action: 'add-source', factId: id, before: null, after, reason: author.reason, idempotencyKey: author.idempotencyKey },
  ]);
  return { id, created, change: change! };
}

interface TextKey {
  id: string;
  offset: number;
  length: number;
}

/** Pages of source texts, batched per request (one round-trip per GraphQL level). */
export function sourceTextLoader(db: Database): DataLoader<TextKey, SourceTextRow | null, string> {
  const keyOf = (k: TextKey) => `${k.id}\u0000${k.offset}\u0000${k.length}`;
  return new DataLoader(
    async (keys) => {
      const rows = await db.read<{ key: string; text: string | null; totalLength: number | null; contentHash: string | null }>(cypher('source-text'), {
        keys: keys.map((k) => ({ ...k, key: keyOf(k) })),
      });
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return keys.map((k) => {
        const r = byKey.get(keyOf(k));
        if (!r || r.text === null || r.totalLength === null) return null;
        const end = k.offset + r.text.length;
        return { contentHash: r.contentHash, text: r.text, offset: k.offset, totalLength: r.totalLength, nextOffset: end < r.totalLength ? end : null };
      });
    },
    { cacheKeyFn: keyOf, maxBatchSize: 100 },
  );
}
