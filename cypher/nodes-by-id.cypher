// Nodes by id, in one index look-up per id (node(id), evidence sources, onBehalfOf, DataLoader batches).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0], degree: COUNT { (n)--() }} AS node
