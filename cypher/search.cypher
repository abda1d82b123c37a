// Full-text search over names, titles and aliases ($query is built by src/store/lucene.ts from plain words).
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node AS n, score
WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
WITH n, score
ORDER BY score DESC, n.id
LIMIT toInteger($first)
RETURN score, n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0], degree: COUNT { (n)--() }} AS node
