// Creates a relationship of one type of the model between two live nodes.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN r.id AS id
