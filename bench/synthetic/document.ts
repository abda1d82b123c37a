import fs from 'node:fs';
import path from 'node:path';

export type Value = string | number | boolean | readonly string[];
export type Fields = Record<string, Value | undefined>;

interface NodeEntry {
  id: string;
  kind: string;
  fields: Fields;
  evidence: string;
}

interface RelationshipEntry {
  type: string;
  from: string;
  to: string;
  fields: Fields;
  evidence: string;
}

/** A YAML scalar: JSON's double-quoted strings are valid YAML and need no escaping rules of our own. */
function scalar(value: Value): string {
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function fieldLines(fields: Fields, indent: string): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out += `${indent}${key}: ${scalar(value)}\n`;
  return out;
}

/**
 * One synthetic source document: its text (every sentence a quote some fact cites) and its dataset file,
 * written to disk on `flush()` and then forgotten, so memory stays bounded by one document.
 */
export class SyntheticDocument {
  private readonly sentences: string[] = [];
  private readonly nodes = new Map<string, NodeEntry>();
  private readonly relationships: RelationshipEntry[] = [];

  constructor(
    readonly sourceId: string,
    readonly fileName: string,
    private readonly sourceFields: Fields & { title: string },
  ) {
    this.sentences.push(sourceFields.title);
  }

  get relationshipCount(): number {
    return this.relationships.length;
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** Adds a sentence to the document's text and returns it, to be cited as a quote. */
  say(sentence: string): string {
    this.sentences.push(sentence);
    return sentence;
  }

  /** Lists a node in this document (once), citing the sentence that first mentions it here. */
  mention(id: string, kind: string, fields: () => Fields, quote: string): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, fields: fields(), evidence: quote });
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  relate(type: string, from: string, to: string, fields: Fields, quote: string): void {
    this.relationships.push({ type, from, to, fields, evidence: quote });
  }

  /** Writes `<dataDir>/<name>.yaml` and `<sourcesDir>/<fileName>`; returns the bytes written. */
  flush(dataDir: string, sourcesDir: string, yamlName: string): number {
    const text = this.sentences.join('\n') + '\n';
    let yaml = `# Synthetic benchmark document (bench/generate.ts); every quote is a line of ${this.fileName}.\n`;
    yaml += `source:\n  id: ${scalar(this.sourceId)}\n  file: ${scalar(this.fileName)}\n`;
    yaml += fieldLines(this.sourceFields, '  ');
    yaml += `  evidence:\n    - ${scalar(this.sourceFields.title)}\n\nnodes:\n`;
    for (const n of this.nodes.values()) {
      yaml += `  - id: ${scalar(n.id)}\n    kind: ${n.kind}\n${fieldLines(n.fields, '    ')}    evidence:\n      - ${scalar(n.evidence)}\n`;
    }
    yaml += '\nrelationships:\n';
    for (const r of this.relationships) {
      yaml += `  - type: ${r.type}\n    from: ${scalar(r.from)}\n    to: ${scalar(r.to)}\n${fieldLines(r.fields, '    ')}    evidence:\n      - ${scalar(r.evidence)}\n`;
    }
    fs.writeFileSync(path.join(sourcesDir, this.fileName), text);
    fs.writeFileSync(path.join(dataDir, yamlName), yaml);
    return Buffer.byteLength(text) + Buffer.byteLength(yaml);
  }
}
