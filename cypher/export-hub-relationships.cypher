// One page of a hub's outgoing relationships, after $after in relationship id order: a node with more
// relationships than a page is read in pages, so memory stays bounded whatever its degree.
MATCH (a:Entity {id: $id})-[r]->(b:Entity)
WHERE r.id > $after AND ($source IS NULL OR $source IN r.evidenceSources)
WITH a, r, b ORDER BY r.id LIMIT toInteger($limit)
RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS fromKind, [l IN labels(b) WHERE l <> 'Entity'][0] AS toKind,
       a.type AS fromType, b.type AS toType
