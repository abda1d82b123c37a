// The kinds of a new relationship's ends and of the entities its fields refer to ($ids), live ones only;
// the start node is locked so that two writers cannot both create the same relationship.
OPTIONAL MATCH (a:Entity {id: $from})
CALL (a) { WITH a WHERE a IS NOT NULL SET a._lock = true REMOVE a._lock }
RETURN [id IN $ids | [id, COLLECT { MATCH (m:Entity {id: id}) RETURN [l IN labels(m) WHERE l <> 'Entity'][0] }[0]]] AS kinds,
       EXISTS { MATCH (:Retracted {id: $id}) } AS retracted,
       EXISTS { MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id } AS exists
