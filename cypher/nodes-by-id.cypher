// Nodes by id, in one index look-up per id (node(id), ends of relationships, onBehalfOf: DataLoader batches),
// with their evidence and its sources in the same round-trip when $evidence (the request asked for it).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {{node n}} AS node, CASE WHEN $evidence THEN {{evidence n}} END AS evidence
