// Sentences of the source documents matching the user's words ($query, built by src/store/lucene.ts), best
// first, each with its document and the facts quoting it: the nodes, and the relationships (whose ids name
// their ends, so each is found from its two ends by id). $sources limits the documents (null = all).
CALL db.index.fulltext.queryNodes('passage_search', $query) YIELD node AS p, score
WHERE $sources IS NULL OR p.source IN $sources
WITH p, score
ORDER BY score DESC, p.id
LIMIT toInteger($first)
MATCH (s:Source {id: p.source})
CALL (p) {
  UNWIND [f IN coalesce(p.facts, []) WHERE NOT f CONTAINS '|'] AS id
  MATCH (n:Entity {id: id})
  WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
  RETURN collect({{node n}}) AS facts
}
CALL (p) {
  UNWIND [f IN coalesce(p.facts, []) WHERE f CONTAINS '|'] AS id
  WITH id, split(id, '|') AS parts
  MATCH (:Entity {id: parts[0]})-[r]->(:Entity {id: parts[2]})
  WHERE r.id = id
  RETURN collect({{relationship r}}) AS relationships
}
RETURN score, p {.id, .text, .index} AS passage, {{node s}} AS source, facts, relationships
ORDER BY score DESC, p.id
