// The nodes $ids (a neighbourhood's, in id order) with the number of their outgoing relationships.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
RETURN a.id AS id, COUNT { (a)-->() } AS out
