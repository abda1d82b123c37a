// Removes the properties a re-imported file gave a fact before and no longer gives ($rows: id, from, to
// (relationships only), source, key), unless another file still gives it (its record, found through the
// fact's evidence, names the property) or the API made or corrected the fact (a version: its values are the
// API's). Returns what was removed.
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.id}) WHERE row.from IS NULL
OPTIONAL MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to}) WHERE r.id = row.id
WITH row, coalesce(n, r) AS x
WHERE x IS NOT NULL AND x.version IS NULL AND x[row.key] IS NOT NULL
WITH row, x, [s IN coalesce(x.evidenceSources, []) WHERE s <> row.source] AS others
OPTIONAL MATCH (f:ImportedFile) WHERE f.source IN others
WITH row, x, collect(f) AS files
WHERE none(f IN files WHERE any(i IN range(0, size(f.facts) - 1)
        WHERE f.facts[i] = row.id AND row.key IN split(coalesce(f.props[i], ''), ',')))
SET x[row.key] = null
RETURN row.id AS id, row.key AS key
