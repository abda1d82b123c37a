// Every simple path between two nodes up to {{maxLength}} relationships (bound written in by
// src/store/shape.ts), shortest first; inner nodes above $hubLimit relationships are avoided when set.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = (a)-[*1..{{maxLength}}]-(b)
WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))
  AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  AND ($hubLimit IS NULL OR all(x IN nodes(p)[1..-1] WHERE COUNT { (x)--() } <= $hubLimit))
WITH p
ORDER BY length(p), [x IN nodes(p) | x.id]
LIMIT toInteger($first)
RETURN
  [x IN nodes(p) | x {.*, kind: [l IN labels(x) WHERE l <> 'Entity'][0], degree: COUNT { (x)--() }}] AS nodes,
  [r IN relationships(p) | r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id}] AS relationships
