import fs from 'node:fs';
import YAML from 'yaml';

export type ParsedFile = { ok: true; doc: unknown } | { ok: false; message: string };

/**
 * Parses one corpus file. YAML 1.2 core schema: `2008-01-29` stays a string; duplicate keys in a mapping are
 * an error (a second `name:` would otherwise silently win).
 */
export function readCorpusFile(file: string): ParsedFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot be read: ${(err as Error).message}` };
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const where = err.linePos?.[0] ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}: ` : '';
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message: `is not valid YAML: ${where}${message}` };
  }
  return { ok: true, doc: doc.toJS({ maxAliasCount: 100 }) };
}
