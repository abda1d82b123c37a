// How many relationships each asked (node, field) has in all, whatever a list field's `first` says: the
// `…Total` fields (src/graphql/resolvers/totals.ts), for many nodes and fields at once.
// Each key: {key, id, spec, kinds (null = all)}. The counts placeholder is written by src/cypher/totals.ts: a
// CASE on k.spec with one count per field definition the batch asks for (its types and direction written in
// the text, e.g. COUNT { (n)-[:PARTY_TO]->() }), which Neo4j answers from the node's degree store without
// walking a hub's 40,000 relationships; a field filtering the far nodes by kind looks at their labels.
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
RETURN k.key AS key, {{counts}} AS total
