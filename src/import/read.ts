import fs from 'node:fs';
import readline from 'node:readline';
import jsYaml from 'js-yaml';
import YAML from 'yaml';

export type ParsedFile = { ok: true; doc: unknown } | { ok: false; message: string };

/** Aliases a file may use before it is refused: a few anchors are fine, an alias bomb is not. */
const MAX_ALIASES = 100;

/**
 * Parses one corpus file. YAML 1.2 core schema: `2008-01-29` stays a string; duplicate keys in a mapping are
 * an error (a second `name:` would otherwise silently win).
 *
 * js-yaml with its CORE_SCHEMA reads the corpus some 15 times faster than `yaml` and gives the same documents
 * (bench/parsers.ts measures both and checks); a file it refuses is parsed again by `yaml`, whose messages
 * (line, column, what is wrong) are the ones users see.
 */
export function readCorpusFile(file: string): ParsedFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot be read: ${(err as Error).message}` };
  }
  return parseYaml(text);
}

export function parseYaml(text: string): ParsedFile {
  let doc: unknown;
  try {
    doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return explainYaml(text);
  }
  // js-yaml shares an aliased value instead of copying it: count the shared references (the spool would copy).
  if (sharedReferences(doc) > MAX_ALIASES) return { ok: false, message: `is not valid YAML: more than ${MAX_ALIASES} aliases` };
  return { ok: true, doc };
}

function explainYaml(text: string): ParsedFile {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const where = err.linePos?.[0] ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}: ` : '';
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message: `is not valid YAML: ${where}${message}` };
  }
  // Both parsers disagree on validity only at the edges of the spec: trust the stricter one's verdict.
  try {
    return { ok: true, doc: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (err) {
    return { ok: false, message: `is not valid YAML: ${(err as Error).message}` };
  }
}

function sharedReferences(root: unknown): number {
  const seen = new Set<object>();
  let shared = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      if (++shared > MAX_ALIASES) return shared;
      continue;
    }
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return shared;
}

/**
 * The documents of a corpus file: a YAML file is one document; a JSON-lines file (`.jsonl`, the bulk format:
 * one document per line, the same fields as the YAML) is one per line, named `file:line` in problems.
 */
export async function* corpusDocuments(file: string): AsyncIterable<{ name: string; parsed: ParsedFile }> {
  if (!/\.jsonl$/i.test(file)) {
    yield { name: file, parsed: readCorpusFile(file) };
    return;
  }
  let input: fs.ReadStream;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  } catch (err) {
    yield { name: file, parsed: { ok: false, message: `cannot be read: ${(err as Error).message}` } };
    return;
  }
  let line = 0;
  try {
    for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      let parsed: ParsedFile;
      try {
        parsed = { ok: true, doc: JSON.parse(text) };
      } catch (err) {
        parsed = { ok: false, message: `is not valid JSON: ${(err as Error).message}` };
      }
      yield { name: `${file}:${line}`, parsed };
    }
  } finally {
    input.destroy();
  }
}
