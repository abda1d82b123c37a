// Sentences of the source documents matching the user's words ($query, built by src/store/lucene.ts), best
// first, each with its document and the facts quoting it: the nodes, and the relationships (whose ids name
// their ends, so each is found from its two ends by id). $sources limits the documents (null = all). The facts
// and the relationships are read only when the request asks for them ($withFacts, $withRelationships), and
// the document with only the fields it asks ({{askedSource s}}: src/cypher/passages.ts, a list, see nodeList).
// Without $sources, Lucene itself keeps the best $first (`limit`): a common word matches thousands of
// sentences, and reading each one's id to sort them all cost most of the query (Neo4j CPU per request at 100k
// relationships: see bench/README.md). Among hits of equal score at the page's end, the index's order decides.
CALL db.index.fulltext.queryNodes('passage_search', $query, {limit: CASE WHEN $sources IS NULL THEN toInteger($first) END}) YIELD node AS p, score
WHERE $sources IS NULL OR p.source IN $sources
WITH p, score
ORDER BY score DESC, p.id
LIMIT toInteger($first)
MATCH (s:Source {id: p.source})
CALL (p) {
  UNWIND CASE WHEN $withFacts THEN [f IN coalesce(p.facts, []) WHERE NOT f CONTAINS '|'] ELSE [] END AS id
  MATCH (n:Entity {id: id})
  WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
  RETURN collect({{node n}}) AS facts
}
CALL (p) {
  UNWIND CASE WHEN $withRelationships THEN [f IN coalesce(p.facts, []) WHERE f CONTAINS '|'] ELSE [] END AS id
  WITH id, split(id, '|') AS parts
  MATCH (:Entity {id: parts[0]})-[r]->(:Entity {id: parts[2]})
  WHERE r.id = id
  RETURN collect({{relationship r}}) AS relationships
}
RETURN score, p {.id, .text, .index} AS passage, {{askedSource s}} AS source, facts, relationships
ORDER BY score DESC, p.id
