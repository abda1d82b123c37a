// Creates a batch of relationships, of any types, that cannot exist yet ($rows: type, from, to, properties —
// the id, key, properties, lists and evidence in one map): one of their ends is new to the database
// (import-nodes-new.cypher), each is written once (src/import/write.ts), and the retracted ones were left out
// (import-retracted.cypher). Their ends exist (written before, or there before): were one missing, CREATE
// fails the import rather than skip the row. CREATE takes the type from the row: one plan for every type.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
