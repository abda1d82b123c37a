// Counts per node kind and relationship type, and how many facts lack evidence (the importer keeps it at 0).
CALL () {
  MATCH (n:Entity)
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n
  WITH kind, count(*) AS total, sum(CASE WHEN size(coalesce(n.evidenceQuotes, [])) = 0 THEN 1 ELSE 0 END) AS bare
  RETURN collect({name: kind, count: total}) AS nodes, sum(bare) AS nodesWithoutEvidence
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS total, sum(CASE WHEN size(coalesce(r.evidenceQuotes, [])) = 0 THEN 1 ELSE 0 END) AS bare
  RETURN collect({name: type, count: total}) AS relationships, sum(bare) AS relationshipsWithoutEvidence
}
RETURN nodes, relationships, coalesce(nodesWithoutEvidence, 0) + coalesce(relationshipsWithoutEvidence, 0) AS factsWithoutEvidence
