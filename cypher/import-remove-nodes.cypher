// Deletes nodes no file states any more ($ids, from import-unstate-nodes.cypher), unless a relationship still
// joins them to the graph: those are returned as `kept` with one such relationship, and the import fails.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[r]-(:Entity)
WITH n, n.id AS nid, collect(r.id)[..1] AS still
CALL (n, still) {
  WITH n, still WHERE size(still) = 0
  DETACH DELETE n
}
RETURN nid AS id, still[0] AS keptBy
