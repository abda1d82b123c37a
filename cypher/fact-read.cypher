// A fact as stored, whatever it is: a live node, a live relationship ($from, $to: its ends, null for a node
// id) or a retracted one (a :Retracted record, outside the graph). Every property, evidence included.
OPTIONAL MATCH (n:Entity {id: $id})
OPTIONAL MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id
OPTIONAL MATCH (x:Retracted {id: $id})
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, r {.*} AS relationship, type(r) AS type,
       x {.*} AS retracted
