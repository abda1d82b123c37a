import { template } from './files';
import { bound } from './names';

/**
 * cypher/paths-all.cypher: the `first` shortest paths up to `maxLength` relationships (Neo4j's `SHORTEST k`),
 * whose bounds Cypher takes only as literals: both are checked integers, written in.
 */
export function pathsAllQuery(maxLength: number, first: number): string {
  return template('paths-all', { maxLength: () => bound(maxLength, 100), first: () => bound(first, 100) });
}
