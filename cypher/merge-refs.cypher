// Relationships whose reference fields ($fields, e.g. a signature's onBehalfOf) name node $id: a merge points
// them at the canonical node. A scan of the relationships, made only by a merge (a write), never by a read.
MATCH (x:Entity)-[r]->(y:Entity)
WHERE any(f IN $fields WHERE r[f] = $id)
SET r._lock = true
REMOVE r._lock
RETURN r.id AS id, x.id AS from, y.id AS to, r {.*} AS props
