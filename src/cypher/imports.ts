import type { RelationshipTypeName } from '../model/model';
import { cypher } from './files';
import { typeName } from './names';

const DYNAMIC_TYPE = '[r:$(row.type) {key: row.key}]';
const texts = new Map<RelationshipTypeName, string>();

/**
 * cypher/import-relationships.cypher with the type written in, one query per relationship type. The file
 * MERGEs `$(row.type)`, and runs as it is (in Neo4j Browser too); but with the dynamic type Neo4j 5.26 plans
 * the MERGE as a scan of ALL relationships when its statistics say the database is empty (a fresh start, a
 * benchmark run) — quadratic, minutes for 10k rows; with a static type it plans Expand(Into) between the two
 * merged ends. Types come from the model's closed list, never from input.
 */
export function importRelationshipsQuery(type: RelationshipTypeName): string {
  let text = texts.get(type);
  if (text === undefined) {
    const file = cypher('import-relationships');
    if (!file.includes(DYNAMIC_TYPE)) throw new Error(`import-relationships.cypher must MERGE ${DYNAMIC_TYPE}`);
    text = file.replace(DYNAMIC_TYPE, () => `[r:${typeName(type)} {key: row.key}]`);
    texts.set(type, text);
  }
  return text;
}
