// The evidence of many nodes and relationships at once (a DataLoader batch: one round-trip per GraphQL level),
// each quote with its source document, in the order the fact holds them. Other queries leave the evidence
// lists out (a hub's grow with every document that names it), so they are read here, only when a client asks
// for evidence. Each key: {key, id, fromId, toId}; fromId and toId are set for a relationship, found between
// its two ends (Neo4j expands from the end with fewer relationships), and null for a node.
UNWIND $keys AS k
OPTIONAL MATCH (n:Entity {id: k.id}) WHERE k.fromId IS NULL
OPTIONAL MATCH (:Entity {id: k.fromId})-[r]->(:Entity {id: k.toId}) WHERE r.id = k.id
WITH k, coalesce(n, r) AS fact
RETURN k.key AS key, {{evidence fact}} AS evidence
