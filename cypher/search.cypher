// Full-text search over names, titles and aliases. $query is built by src/store/lucene.ts from the user's words:
// the plain words, or (when those were not enough) the tolerant query with prefixes and fuzzy terms.
// Lucene hands its hits over best first: only the $candidates best of the kinds asked are read further, so a
// word shared by thousands of names costs a few dozen node reads, not thousands.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node AS n, score
WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
WITH n, score
LIMIT toInteger($candidates)
// A whole-name match (case-insensitive) outranks names that merely contain the words.
WITH n, CASE WHEN toLower(coalesce(n.name, n.title)) = toLower($text)
          OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = toLower($text)) THEN score * 2 ELSE score END AS score
ORDER BY score DESC, n.id
LIMIT toInteger($first)
RETURN score, {{node n}} AS node
