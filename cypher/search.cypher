// Full-text search over names, titles and aliases ($query is built by src/store/lucene.ts from plain words).
// Lucene hands over only its $candidates best hits (a few times `first`, more when kinds are filtered): on a
// large graph a fuzzy word can match thousands of names.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node AS n, score
WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
// A whole-name match (case-insensitive) outranks names that merely contain the words.
WITH n, CASE WHEN toLower(coalesce(n.name, n.title)) = toLower($text)
          OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = toLower($text)) THEN score * 2 ELSE score END AS score
ORDER BY score DESC, n.id
LIMIT toInteger($first)
RETURN score, n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0], degree: COUNT { (n)--() }} AS node
