import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';
import { Scope } from './scope';
import { evidenceProjection, nodeMap, NODE_PROPERTIES, propertyList, RELATIONSHIP_PROPERTIES, relationshipMap, linkMap } from './projection';

const CYPHER_DIR = path.join(ROOT, 'cypher');
const files = new Map<string, string>();
const texts = new Map<string, string>();

/** A placeholder's filling: its arguments (variable names) in, Cypher text out. */
export type Slot = (...args: string[]) => string;

/**
 * The placeholders any query file may use, so the shape of a returned node or relationship is written once,
 * from the model: `{{node m}}` is m's named properties with its kind and degree; `{{relationship r}}` is r's
 * named properties with its type and the ids of its ends; `{{evidence x}}` is the evidence of node or
 * relationship x, each quote with its source node; `{{link r m direction}}` is a relationship seen from one
 * end; `{{nodeProperties}}` and `{{relationshipProperties}}` are the bare property lists, for projections
 * that add their own fields.
 */
const MODEL_SLOTS: Record<string, Slot> = {
  node: (v) => nodeMap(v),
  relationship: (r) => relationshipMap(r),
  evidence: (v) => evidenceProjection(Scope.of(v), v),
  link: (r, m, direction) => linkMap(r, m, direction),
  nodeProperties: () => propertyList(NODE_PROPERTIES),
  relationshipProperties: () => propertyList(RELATIONSHIP_PROPERTIES),
};

const PLACEHOLDER = /\{\{(\w+)((?: \w+)*)\}\}/g;

/** `cypher/<name>.cypher` as sent: comment lines are for its readers, every request would send them again. */
function file(name: string): string {
  let text = files.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a query file name: ${name}`);
    const lines = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8').split('\n');
    text = lines.filter((line) => !line.trim().startsWith('//')).join('\n');
    files.set(name, text);
  }
  return text;
}

/**
 * A query file with its placeholders filled in one pass: the model's (above) and the builder's own `slots`.
 * A placeholder nothing fills is an error here, never a text sent to Neo4j.
 */
export function template(name: string, slots: Record<string, Slot> = {}): string {
  return file(name).replace(PLACEHOLDER, (_m, slot: string, args: string) => {
    const fill = Object.hasOwn(slots, slot) ? slots[slot] : Object.hasOwn(MODEL_SLOTS, slot) ? MODEL_SLOTS[slot] : undefined;
    if (!fill) throw new Error(`cypher/${name}.cypher: nothing fills {{${slot}${args}}}`);
    return fill(...args.split(' ').filter(Boolean));
  });
}

/** The placeholders of a query file that a builder fills (none: the file is whole as it is). */
export function builderSlots(name: string): string[] {
  return [...new Set([...file(name).matchAll(PLACEHOLDER)].map(([, slot]) => slot!).filter((slot) => !Object.hasOwn(MODEL_SLOTS, slot)))];
}

/** Whether a query file is whole as it is (only the model's placeholders), or a builder's template. */
export function isStatic(name: string): boolean {
  return builderSlots(name).length === 0;
}

/** The text of a static `cypher/<name>.cypher`: queries live in files, with `$parameters`, never built from values. */
export function cypher(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = template(name);
    texts.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (the schema) on `;` at line ends. */
export function statements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
