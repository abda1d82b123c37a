// Takes the write lock of a live node or relationship, then reads it: a writer holding the lock reads the
// last committed version, so a version check made after it cannot be overtaken by another writer's update.
OPTIONAL MATCH (n:Entity {id: $id})
OPTIONAL MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id
CALL (n) { WITH n WHERE n IS NOT NULL SET n._lock = true REMOVE n._lock }
CALL (r) { WITH r WHERE r IS NOT NULL SET r._lock = true REMOVE r._lock }
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, r {.*} AS relationship, type(r) AS type,
       EXISTS { MATCH (:Retracted {id: $id}) } AS retracted
