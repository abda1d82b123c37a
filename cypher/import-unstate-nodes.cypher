// Takes back what a re-imported file no longer states about nodes ($rows: id, source, quotes): the file's
// (source, quote) evidence pairs are removed; evidence from other files and from the API stays. Returns the
// nodes left with no evidence at all and never made or corrected through the API (no version): removed facts.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.evidenceSources, []) AS sources, coalesce(n.evidenceQuotes, []) AS quotes
WITH n, sources, quotes, [i IN range(0, size(sources) - 1) WHERE NOT (sources[i] = row.source AND quotes[i] IN row.quotes)] AS keep
SET n.evidenceSources = [i IN keep | sources[i]], n.evidenceQuotes = [i IN keep | quotes[i]]
WITH n WHERE size(n.evidenceSources) = 0 AND n.version IS NULL
RETURN n.id AS id
