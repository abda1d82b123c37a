// One level of a neighbourhood export: the nodes next to $frontier, whatever the direction or type.
UNWIND $frontier AS id
MATCH (:Entity {id: id})--(m:Entity)
RETURN DISTINCT m.id AS id
