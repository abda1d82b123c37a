// Relationships by id and ends ($rels: [{id, from, to}]), locked, with every property; null props where none.
UNWIND $rels AS rel
OPTIONAL MATCH (:Entity {id: rel.from})-[r]->(:Entity {id: rel.to}) WHERE r.id = rel.id
CALL (r) { WITH r WHERE r IS NOT NULL SET r._lock = true REMOVE r._lock }
RETURN rel.id AS id, r {.*} AS props
