// The organisation whose explorer page the start's warm-up opens first (src/warmup.ts): the best-connected of
// a small sample, so the query is too small to take long to plan on a cold JVM.
MATCH (n:Organisation) WITH n LIMIT 100 RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1
