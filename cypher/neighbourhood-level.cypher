// One level of a neighbourhood, all relationship types: for each frontier node, at most $perNode of its
// relationships (hubs are capped), with its degree so the view can say how many are left out. What is shown
// first when a hub is capped: agreements, signatures and roles before the rest ($rank maps a type to its
// place), then the best-connected neighbours. (neighbourhood-level-typed.cypher: the same for some types.)
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH r, m, COUNT { (m)--() } AS mDegree
  ORDER BY coalesce($rank[type(r)], 99), mDegree DESC, m.id
  LIMIT toInteger($perNode)
  RETURN collect({
    relationship: r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    node: m {.*, kind: [l IN labels(m) WHERE l <> 'Entity'][0], degree: mDegree},
    typedDegree: mDegree
  }) AS links
}
RETURN id, COUNT { (n)--() } AS typedDegree, links
