// Replaces a node's properties with the corrected set (computed from the locked, current ones).
MATCH (n:Entity {id: $id})
SET n = $props
RETURN n.id AS id
