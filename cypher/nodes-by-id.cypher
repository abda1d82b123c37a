// Nodes by id, in one index look-up per id (node(id), ends of relationships, onBehalfOf: DataLoader batches).
// src/cypher/nodes.ts fills the placeholders: every property of each node, or, for a request whose selection
// is known, only the fields it reads (lists: src/cypher/projection.ts, nodeList), with its evidence and the fields
// asked of its sources in the same round-trip when the request asks for the evidence (else null).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {{askedNode n}} AS node, {{askedEvidence n}} AS evidence
