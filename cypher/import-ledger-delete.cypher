// Forgets the records of files deleted from the corpus ($sources), once their statements are taken back,
// and the passages of their documents when the Source itself went (found through the passage_id index:
// a passage's id starts with its source's, src/corpus/passages.ts).
UNWIND $sources AS source
MATCH (f:ImportedFile {source: source})
DELETE f
WITH source WHERE NOT EXISTS { MATCH (:Source {id: source}) }
CALL (source) {
  MATCH (p:Passage) WHERE p.id STARTS WITH source + '#'
  DETACH DELETE p
  RETURN count(p) AS passages
}
RETURN sum(passages) AS passages
