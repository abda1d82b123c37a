// Stores a source document unless one with the same text is stored already (its sha-256 in contentHash).
// Additions queue on one lock node, so two editors adding the same text at once cannot both store it.
MERGE (l:WriteLock {name: 'add-source'})
SET l._lock = true
REMOVE l._lock
WITH l
OPTIONAL MATCH (s:Source {contentHash: $props.contentHash})
WITH s LIMIT 1
CALL (s) {
  WITH s WHERE s IS NULL
  CREATE (n:Entity:Source)
  SET n = $props
  RETURN n
  UNION
  WITH s WHERE s IS NOT NULL
  RETURN s AS n
}
RETURN n.id AS id, s IS NULL AS created
