// A few nodes of each kind for the start's warm-up (src/warmup.ts): the three with most relationships and the
// one with fewest, so the requests run ask every list of the details panel both full and empty, and every
// query text a user's request may send is planned (a list left empty skips the queries of its items). Each
// kind looks at a bounded sample of its nodes: the warm-up must stay quick on a database of millions.
MATCH (n:Organisation) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Organisation' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Person) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Person' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Agreement) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Agreement' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Programme) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Programme' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Clause) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Clause' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Commitment) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Commitment' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Place) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Place' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Event) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Event' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Source) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Source' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Statement) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Statement' AS kind, ids[0..3] + ids[-1..] AS ids
UNION ALL MATCH (n:Figure) WITH n LIMIT 500 WITH n ORDER BY COUNT { (n)--() } DESC, n.id WITH collect(n.id) AS ids RETURN 'Figure' AS kind, ids[0..3] + ids[-1..] AS ids
