// All shortest paths between two nodes, up to {{maxLength}} relationships (a bound checked in code and
// written in by src/store/shape.ts: Cypher takes no parameter there). The conditions sit inside the
// quantified pattern so that the search itself skips unwanted types and hubs ($hubLimit: inner nodes with
// more relationships are not crossed; the end node always may be reached).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) ((x)-[r]-(y)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND (y = b OR $hubLimit IS NULL OR COUNT { (y)--() } <= $hubLimit)){1,{{maxLength}}} (b)
WITH p
ORDER BY [x IN nodes(p) | x.id]
LIMIT toInteger($first)
RETURN
  [x IN nodes(p) | {{node x}}] AS nodes,
  [r IN relationships(p) | {{relationship r}}] AS relationships
