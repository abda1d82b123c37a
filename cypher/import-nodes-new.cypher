// Creates a batch of nodes new to the database ($rows: kind, properties): ids that no node, retraction or merge
// held when the import was validated, each written once, whole (src/import/write.ts). `properties` holds the id,
// the properties, the name lists and the evidence, as import-nodes.cypher would leave them: one map, one SET.
UNWIND $rows AS row
CREATE (n:Entity:$(row.kind))
SET n = row.properties
