import type { RelationshipTypeName } from '../model/model';
import { template } from './files';
import { typeName } from './names';

/** A relationship type and a direction to expand along, e.g. `PARTY_TO>` (outgoing) or `SIGNED<` (incoming). */
export type Expansion = `${RelationshipTypeName}${'>' | '<'}`;

/**
 * One UNION ALL branch per asked expansion, from `from`, each guarded by the key's types and direction (a
 * batch mixes keys). Type names come from src/model/model.ts, never from a request. With none asked, a
 * branch that finds nothing keeps the text valid.
 */
export function expansions(wanted: readonly Expansion[], from: string, key: string | null, rel: string, to: string, direction: string): string {
  const branches = wanted.map((e) => {
    const type = typeName(e.slice(0, -1));
    // A compiled look-up (no key) asks exactly these expansions: no guard.
    const guard = (not: string) => (key ? ` WHERE '${type}' IN ${key}.types AND ${key}.dir <> '${not}'` : '');
    return e.endsWith('>')
      ? `MATCH (${from})-[${rel}:${type}]->(${to}:Entity)${guard('IN')} RETURN ${rel}, ${to}, 'OUT' AS ${direction}`
      : `MATCH (${from})<-[${rel}:${type}]-(${to}:Entity)${guard('OUT')} RETURN ${rel}, ${to}, 'IN' AS ${direction}`;
  });
  if (branches.length === 0) branches.push(`MATCH (${from})-[${rel}]->(${to}:Entity) WHERE false RETURN ${rel}, ${to}, 'OUT' AS ${direction}`);
  return branches.join('\n    UNION ALL\n    ');
}

const texts = new Map<string, string>();

/**
 * cypher/links.cypher with only the expansions a batch asks for written in: static types let Neo4j expand a
 * hub along the asked types only, which a type list read from each key ($any(k.types)) does not, and a query
 * holding only the branches it needs runs faster than one with a guarded branch for every type of the
 * model. Texts are cached: there are few distinct combinations, and Neo4j plans each once.
 */
export function linksQuery(wanted: readonly Expansion[]): string {
  const sorted = [...new Set(wanted)].sort();
  const cacheKey = sorted.join(',');
  let text = texts.get(cacheKey);
  if (text === undefined) {
    text = template('links', { expansions: () => expansions(sorted, 'n', 'k', 'r', 'm', 'direction') });
    texts.set(cacheKey, text);
  }
  return text;
}
