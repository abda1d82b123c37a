// The outgoing relationships of the nodes $ids (those $source cites, or all when it is null), with the kinds
// of their ends and the type of an organisation end (FtM chooses its schema by them).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE $source IS NULL OR $source IN r.evidenceSources
RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS fromKind, [l IN labels(b) WHERE l <> 'Entity'][0] AS toKind,
       a.type AS fromType, b.type AS toType
ORDER BY from, props.id
