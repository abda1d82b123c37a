// Creates a batch of relationships of one type that cannot exist yet ($rows as for import-relationships.cypher):
// one of their ends is a node new to the database (import-nodes-new.cypher), and this import has not written
// them yet. The ends are merged on their id, as there (an end may be described by a later file); a relationship
// retracted through the API is skipped all the same. src/import/write.ts writes the type in place of $(row.type).
UNWIND $rows AS row
WITH row WHERE NOT EXISTS { MATCH (x:Retracted) WHERE x.id IN [row.id, row.from, row.to] }
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r.id = row.id, r += row.props, r += row.lists, r.evidenceSources = row.sources, r.evidenceQuotes = row.quotes
