// Nodes by id, in one index look-up per id (node(id), ends of relationships, onBehalfOf: DataLoader batches),
// with their evidence and its sources in the same round-trip when $evidence (the request asked for it).
// src/store/nodes.ts fills the placeholders: every property of each node (and source), or, for a request
// whose selection is known, only the fields it reads (lists: src/db/cypher.ts, nodeList).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {{askedNode n}} AS node, CASE WHEN $evidence THEN {{askedEvidence n}} END AS evidence
