// Creates a batch of nodes new to the database ($rows: id, kind, props, lists, sources, quotes): ids that no
// node, retraction or merge held when the import was validated, and that this import has not written yet
// (src/import/write.ts keeps count). Nothing is there to merge with, so every value is set at once — the same
// node import-nodes.cypher would make, without its look-ups and list comparisons.
UNWIND $rows AS row
CREATE (n:Entity {id: row.id})
SET n:$(row.kind), n += row.props, n += row.lists, n.evidenceSources = row.sources, n.evidenceQuotes = row.quotes
