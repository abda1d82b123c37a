// Creates a batch of relationships that cannot exist yet ($rows as for import-relationships.cypher, of any
// types): one of their ends is a node new to the database (import-nodes-new.cypher), and each is written once
// (src/import/write.ts). The ends are merged on their id, as there (should one be missing, import-check.cypher
// fails the import); a relationship retracted through the API is skipped all the same. CREATE takes the type
// from the row: one plan for every type, and full batches (a MERGE needs it written in, see write.ts).
UNWIND $rows AS row
WITH row WHERE NOT EXISTS { MATCH (x:Retracted) WHERE x.id IN [row.id, row.from, row.to] }
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r.id = row.id, r += row.props, r += row.lists, r.evidenceSources = row.sources, r.evidenceQuotes = row.quotes
