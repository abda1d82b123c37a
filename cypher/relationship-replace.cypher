// Replaces a relationship's properties with the corrected set.
MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id
SET r = $props
RETURN r.id AS id
