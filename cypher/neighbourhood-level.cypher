// One level of a neighbourhood: for each frontier node, its relationships (of $types, all when null), at most
// $perNode of them (hubs are capped), with its degree within $types so the view can say how many are left out.
// What is shown first when a hub is capped: agreements, signatures and roles before the rest ($priority lists
// the types in that order), then the best-connected neighbours.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE $types IS NULL OR type(r) IN $types
  WITH r, m, COUNT { (m)--() } AS mDegree
  ORDER BY coalesce([i IN range(0, size($priority) - 1) WHERE $priority[i] = type(r)][0], 99), mDegree DESC, m.id
  LIMIT toInteger($perNode)
  RETURN collect({
    relationship: r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    node: m {.*, kind: [l IN labels(m) WHERE l <> 'Entity'][0], degree: mDegree},
    typedDegree: COUNT { (m)-[x]-() WHERE $types IS NULL OR type(x) IN $types }
  }) AS links
}
RETURN id, COUNT { (n)-[x]-() WHERE $types IS NULL OR type(x) IN $types } AS typedDegree, links
