// The nodes and relationships of the paths a search found (src/store/paths.ts puts them in order):
// relationships are looked up from their start node's id, as their ids (`from|TYPE|to`) say.
CALL {
  UNWIND $nodeIds AS id
  MATCH (x:Entity {id: id})
  RETURN collect({{node x}}) AS nodes
}
CALL {
  UNWIND $steps AS step
  MATCH (:Entity {id: step.from})-[r]->(:Entity {id: step.to})
  WHERE r.id = step.id
  RETURN collect({{relationship r}}) AS relationships
}
RETURN nodes, relationships
