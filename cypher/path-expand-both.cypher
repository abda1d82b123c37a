// Two levels of a path search (src/store/paths.ts) in one round-trip: the next level of each side, when both
// are small (the first levels from two actors read a few dozen relationships each, and a round-trip costs more
// than reading them). Each as cypher/path-expand.cypher returns it: relationship ids and far-end degrees.
CALL {
  UNWIND $forward AS id
  MATCH (:Entity {id: id})-[r]-(y:Entity)
  WHERE $types IS NULL OR type(r) IN $types
  RETURN collect(r.id) AS forwardIds, collect(COUNT { (y)--() }) AS forwardDegrees
}
CALL {
  UNWIND $backward AS id
  MATCH (:Entity {id: id})-[r]-(y:Entity)
  WHERE $types IS NULL OR type(r) IN $types
  RETURN collect(r.id) AS backwardIds, collect(COUNT { (y)--() }) AS backwardDegrees
}
RETURN forwardIds, forwardDegrees, backwardIds, backwardDegrees
