// One page of the nodes an export holds, after $after in id order ($limit of them; the id constraint's index
// gives the order, so each page reads only its own nodes: keyset paging, no SKIP). $source (or null for the
// whole graph) keeps the facts one source document states: the nodes it cites, the ends of the relationships
// it cites, and the Source nodes those facts cite ($cited).
MATCH (n:Entity)
WHERE n.id > $after
  AND ($source IS NULL
    OR $source IN n.evidenceSources
    OR n.id IN $cited
    OR EXISTS { (n)-[r]-() WHERE $source IN r.evidenceSources })
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
