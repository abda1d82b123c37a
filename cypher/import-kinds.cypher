// The kinds the database already gives to some ids: validation resolves references to entities loaded by an
// earlier import, and refuses an id the corpus gives another kind.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
