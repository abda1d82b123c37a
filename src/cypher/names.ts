import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../model/model';

/**
 * A relationship type written into a query text, checked against the model: labels and types are the only
 * names a builder writes that a parameter cannot carry (Neo4j plans a static type, not `$(type)`), so only
 * the model's own, which are plain upper-case words, ever enter the text.
 */
export function typeName(type: string): RelationshipTypeName {
  if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipTypeName) || !/^[A-Z_]+$/.test(type)) throw new Error(`Unexpected relationship type name ${type}`);
  return type as RelationshipTypeName;
}

/** An integer written into a query text where Cypher takes no parameter (a path's length bound), checked. */
export function bound(value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`Bad bound ${value}`);
  return String(value);
}
