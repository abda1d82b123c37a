// As import-unstate-nodes.cypher, for relationships ($rows: id, from, to, source, quotes), found by their ends.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to})
WHERE r.id = row.id
WITH r, row, coalesce(r.evidenceSources, []) AS sources, coalesce(r.evidenceQuotes, []) AS quotes
WITH r, sources, quotes, [i IN range(0, size(sources) - 1) WHERE NOT (sources[i] = row.source AND quotes[i] IN row.quotes)] AS keep
SET r.evidenceSources = [i IN keep | sources[i]], r.evidenceQuotes = [i IN keep | quotes[i]]
WITH r, r.id AS id WHERE size(r.evidenceSources) = 0 AND r.version IS NULL
DELETE r
RETURN id
