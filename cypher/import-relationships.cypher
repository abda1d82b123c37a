// Upserts a batch of relationships of one type, one row per relationship id ($rows: id, type, from, to,
// key, props, lists, sources, quotes). A relationship is its type, its ends and its key: MERGE on those, so
// importing twice changes nothing. src/cypher/imports.ts writes the type in place of $(row.type), one query
// per type (why: see there). The ends are merged on their id too, because a relationship may be listed in a
// file before the file that describes one of its ends; validation has checked that every end is described,
// and import-check.cypher verifies that every node got its kind before the transaction commits.
// A relationship retracted through the API, or one whose end is retracted, is skipped.
UNWIND $rows AS row
WITH row WHERE NOT EXISTS { MATCH (x:Retracted) WHERE x.id IN [row.id, row.from, row.to] }
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r.id = row.id
// A fact made or corrected through the API carries a version: its values are the API's, a file does not
// overwrite them (its evidence and names are still added).
SET r += CASE WHEN r.version IS NULL THEN row.props ELSE {} END
WITH r, row
CALL (r, row) {
  UNWIND keys(row.lists) AS field
  WITH r, field, coalesce(r[field], []) AS have, row.lists[field] AS given
  SET r[field] = have + [v IN given WHERE NOT v IN have]
}
WITH r, row, coalesce(r.evidenceSources, []) AS sources, coalesce(r.evidenceQuotes, []) AS quotes
WITH r, row, sources, quotes, [j IN range(0, size(sources) - 1) | sources[j] + ' ' + quotes[j]] AS have
WITH r, row, sources, quotes, [i IN range(0, size(row.quotes) - 1) WHERE NOT row.sources[i] + ' ' + row.quotes[i] IN have] AS fresh
SET r.evidenceSources = sources + [i IN fresh | row.sources[i]],
    r.evidenceQuotes = quotes + [i IN fresh | row.quotes[i]]
