// All shortest paths between two nodes, up to {{maxLength}} relationships (a bound checked in code and
// written in by src/store/shape.ts; Cypher takes no parameter there). Inner nodes above $hubLimit
// relationships are avoided when $hubLimit is set.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..{{maxLength}}]-(b))
WHERE ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  AND ($hubLimit IS NULL OR all(x IN nodes(p)[1..-1] WHERE COUNT { (x)--() } <= $hubLimit))
WITH p
ORDER BY [x IN nodes(p) | x.id]
LIMIT toInteger($first)
RETURN
  [x IN nodes(p) | x {.*, kind: [l IN labels(x) WHERE l <> 'Entity'][0], degree: COUNT { (x)--() }}] AS nodes,
  [r IN relationships(p) | r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id}] AS relationships
