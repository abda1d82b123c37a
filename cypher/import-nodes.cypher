// Upserts a batch of nodes, one row per id ($rows: id, kind, props, lists, sources, quotes).
// MERGE on the stable id, so importing twice changes nothing; `+=` keeps properties other files gave;
// name lists and evidence (source, quote) pairs are merged without duplicates, never appended twice.
// A fact retracted through the API stays retracted: its row is skipped (it is kept as a :Retracted record).
UNWIND $rows AS row
WITH row WHERE NOT EXISTS { MATCH (:Retracted {id: row.id}) }
MERGE (n:Entity {id: row.id})
SET n:$(row.kind)
// A fact made or corrected through the API carries a version: its values are the API's, a file does not
// overwrite them (its evidence and names are still added).
SET n += CASE WHEN n.version IS NULL THEN row.props ELSE {} END
WITH n, row
CALL (n, row) {
  UNWIND keys(row.lists) AS field
  WITH n, field, coalesce(n[field], []) AS have, row.lists[field] AS given
  SET n[field] = have + [v IN given WHERE NOT v IN have]
}
WITH n, row, coalesce(n.evidenceSources, []) AS sources, coalesce(n.evidenceQuotes, []) AS quotes
WITH n, row, sources, quotes, [j IN range(0, size(sources) - 1) | sources[j] + ' ' + quotes[j]] AS have
WITH n, row, sources, quotes, [i IN range(0, size(row.quotes) - 1) WHERE NOT row.sources[i] + ' ' + row.quotes[i] IN have] AS fresh
SET n.evidenceSources = sources + [i IN fresh | row.sources[i]],
    n.evidenceQuotes = quotes + [i IN fresh | row.quotes[i]]
