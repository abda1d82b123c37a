// What the neighbourhoods of candidate pairs share ($pairs: [[a, b]]): nodes related to both (a few named,
// all counted up to 50), and agreements where both have the same relationship with the same role.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
RETURN pair[0] AS a, pair[1] AS b,
       COUNT { MATCH (a)--(m:Entity)--(b) WHERE m <> a AND m <> b } AS sharedCount,
       COLLECT { MATCH (a)--(m:Entity)--(b) WHERE m <> a AND m <> b
                 RETURN DISTINCT coalesce(m.name, m.title, m.id) AS label LIMIT 3 } AS shared,
       COLLECT { MATCH (a)-[r1]-(g:Agreement)-[r2]-(b)
                 WHERE type(r1) = type(r2) AND coalesce(r1.role, '') = coalesce(r2.role, '')
                 RETURN DISTINCT type(r1) + coalesce(' as ' + r1.role, '') + ' in "' + g.title + '"' AS same LIMIT 3 } AS sameRole
