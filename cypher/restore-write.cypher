// Brings retracted facts back: the node (if any) first, then relationships, each with its properties as
// they were (plus its new version); their :Retracted records are deleted. $node: {kind, props} or null;
// $relationships: [{id, type, from, to, props}].
CALL () {
  WITH $node AS node WHERE node IS NOT NULL
  CREATE (n:Entity)
  SET n:$(node.kind)
  SET n = node.props
}
CALL () {
  UNWIND $relationships AS rel
  MATCH (a:Entity {id: rel.from}), (b:Entity {id: rel.to})
  CREATE (a)-[r:$(rel.type)]->(b)
  SET r = rel.props
}
CALL () {
  UNWIND $restored AS id
  MATCH (x:Retracted {id: id})
  DELETE x
}
RETURN true AS done
