// The {{first}} shortest paths between two nodes, up to {{maxLength}} relationships, shortest first; both
// bounds are checked integers written in by src/cypher/paths.ts (Cypher takes no parameter there). Paths
// that pass through a node twice are dropped. Types and hubs are filtered during the search, as in
// paths-shortest.cypher.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST {{first}} (a) ((x)-[r]-(y)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND (y = b OR $hubLimit IS NULL OR COUNT { (y)--() } <= $hubLimit)){1,{{maxLength}}} (b)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p
ORDER BY length(p), [x IN nodes(p) | x.id]
LIMIT toInteger($first)
RETURN
  [x IN nodes(p) | {{node x}}] AS nodes,
  [r IN relationships(p) | {{relationship r}}] AS relationships
