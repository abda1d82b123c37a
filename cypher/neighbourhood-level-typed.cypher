// One level of a neighbourhood along $types only (as neighbourhood-level.cypher otherwise). $any($types) on
// a parameter lets Neo4j expand a hub along those types only; degrees count those types too.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r:$any($types)]-(m:Entity)
  WITH r, m, COUNT { (m)--() } AS mDegree
  ORDER BY coalesce($rank[type(r)], 99), mDegree DESC, m.id
  LIMIT toInteger($perNode)
  RETURN collect({
    relationship: r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    node: m {.*, kind: [l IN labels(m) WHERE l <> 'Entity'][0], degree: mDegree},
    typedDegree: COUNT { (m)-[:$any($types)]-() }
  }) AS links
}
RETURN id, COUNT { (n)-[:$any($types)]-() } AS typedDegree, links
