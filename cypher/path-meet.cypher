// One level of a path search (src/store/paths.ts) asked only for where it meets the other side: the
// relationships between the frontier's nodes and $targets (the other side's frontier), found by checking each
// pair, which Neo4j does from the end with fewer relationships. When both lists are short and the frontier
// holds a hub, this reads a few hundred relationships where cypher/path-expand.cypher reads the hub's 40k.
// Same row as path-expand: the relationships' ids and the degrees of their far ends.
MATCH (t:Entity) WHERE t.id IN $targets
WITH collect(t) AS targets
UNWIND $frontier AS id
MATCH (x:Entity {id: id})
UNWIND targets AS y
MATCH (x)-[r]-(y)
WHERE $types IS NULL OR type(r) IN $types
WITH r, y
LIMIT toInteger($limit)
RETURN collect(r.id) AS ids, collect(COUNT { (y)--() }) AS degrees
