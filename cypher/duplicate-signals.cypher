// What the neighbourhoods of candidate pairs share ($pairs: [[a, b]]): the nodes related to both (counted,
// three named), and agreements where both have the same relationship with the same role.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
WITH pair, a, b, COLLECT { MATCH (a)--(m:Entity)--(b) WHERE m <> a AND m <> b RETURN DISTINCT m } AS shared
RETURN pair[0] AS a, pair[1] AS b, size(shared) AS sharedCount,
       [m IN shared[..3] | coalesce(m.name, m.title, m.id)] AS shared,
       CASE WHEN size(shared) = 0 THEN [] ELSE COLLECT {
         MATCH (a)-[r1]-(g:Agreement)-[r2]-(b)
         WHERE type(r1) = type(r2) AND coalesce(r1.role, '') = coalesce(r2.role, '')
         RETURN DISTINCT type(r1) + coalesce(' as ' + r1.role, '') + ' in "' + g.title + '"' AS same LIMIT 3 } END AS sameRole
