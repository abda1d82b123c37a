// The kinds the database already gives to some ids: validation resolves references to entities loaded by an
// earlier import, and refuses an id the corpus gives another kind.
// A node retracted through the API keeps its kind here: a file may still name it (its facts are skipped);
// so does a node merged into another (src/merges/): a file naming it lands on the canonical node.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (x:Retracted {id: id, factType: 'NODE'})
OPTIONAL MATCH (m:Merged {id: id})
WITH id, n, x, m WHERE n IS NOT NULL OR x IS NOT NULL OR m IS NOT NULL
RETURN id, coalesce([l IN labels(n) WHERE l <> 'Entity'][0], x.kind, m.kind) AS kind
