// Applies one merge, or its undo, computed by src/merges/merge.ts from the locked, current facts. In this
// order: the node brought back ($createNode {kind, props} or null), relationships deleted ($deleteRels
// [{id, from, to}]), relationships whose properties change ($setRels [{id, from, to, props}]),
// relationships created ($createRels [{type, from, to, props}]), the canonical node's properties ($setNode
// {id, props} or null), the node merged away ($deleteNode id or null: its relationships were moved first).
CALL () {
  WITH $createNode AS node WHERE node IS NOT NULL
  CREATE (n:Entity)
  SET n:$(node.kind)
  SET n = node.props
}
CALL () {
  UNWIND $deleteRels AS rel
  MATCH (:Entity {id: rel.from})-[r]->(:Entity {id: rel.to}) WHERE r.id = rel.id
  DELETE r
}
CALL () {
  UNWIND $setRels AS rel
  MATCH (:Entity {id: rel.from})-[r]->(:Entity {id: rel.to}) WHERE r.id = rel.id
  SET r = rel.props
}
CALL () {
  UNWIND $createRels AS rel
  MATCH (a:Entity {id: rel.from}), (b:Entity {id: rel.to})
  CREATE (a)-[r:$(rel.type)]->(b)
  SET r = rel.props
}
CALL () {
  WITH $setNode AS node WHERE node IS NOT NULL
  MATCH (n:Entity {id: node.id})
  SET n = node.props
}
CALL () {
  OPTIONAL MATCH (n:Entity {id: $deleteNode})
  DETACH DELETE n
}
RETURN true AS done
