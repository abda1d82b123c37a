// Moves facts out of the graph: each becomes a :Retracted record (its properties as JSON, its kind or type
// and ends), and the live node or relationship is deleted. Read queries match :Entity and its relationships
// only, so a retracted fact costs them nothing: it is not there. $records: id, factType, kind, from, to,
// snapshot, reason, by, cascadeOf. $nodeId: the node deleted (with its relationships), or null;
// $relationship: {id, from, to} of a relationship deleted alone, or null.
UNWIND $records AS rec
CREATE (x:Retracted)
SET x = rec, x.at = datetime()
WITH count(*) AS recorded
CALL () {
  OPTIONAL MATCH (n:Entity {id: $nodeId})
  DETACH DELETE n
}
CALL () {
  OPTIONAL MATCH (:Entity {id: $relationship.from})-[r]->(:Entity {id: $relationship.to}) WHERE r.id = $relationship.id
  DELETE r
}
RETURN recorded
