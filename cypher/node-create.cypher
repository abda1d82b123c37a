// Creates a node of one kind with its properties (version and evidence included); the entity_id constraint
// refuses an id already taken.
CREATE (n:Entity)
SET n:$($kind)
SET n = $props
RETURN n.id AS id
