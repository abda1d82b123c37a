// The two ends of a path search (src/store/paths.ts): whether each exists, how many relationships it has (the
// search expands the side that has fewer first), and, for an end with at most $expandBelow of them, its first
// level as cypher/path-expand.cypher returns one (relationship ids and far-end degrees): most searches between
// two actors start from two small ends, and this saves the round-trip of their first levels.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, COUNT { (n)--() } AS degree
CALL {
  WITH n, degree
  MATCH (n)-[r]-(y:Entity)
  WHERE degree <= $expandBelow AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(r.id) AS ids, collect(COUNT { (y)--() }) AS degrees
}
RETURN n.id AS id, degree, degree <= $expandBelow AS expanded, ids, degrees
