import neo4j from 'neo4j-driver';
import { partialDatePrecision, precisionProperty } from './dates';
import type { FieldSpec } from './model';

/**
 * How a fact's properties are stored, whoever writes them (the importer's rows, the API's writes): the one
 * definition, so a value written through the API is stored exactly as a data file's.
 */

/** Properties as stored: dates keep their string and gain a precision, integers become Neo4j integers. */
export function properties(fields: Record<string, FieldSpec>, record: Record<string, unknown>) {
  const props: Record<string, unknown> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (spec.type === 'strings') lists[name] = [...new Set(value as string[])];
    else if (spec.type === 'integer') props[name] = neo4j.int(value as number);
    else if (spec.type === 'date') {
      props[name] = value;
      props[precisionProperty(name)] = partialDatePrecision(value as string);
    } else props[name] = value;
  }
  return { props, lists };
}
