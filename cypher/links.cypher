// The relationships of many nodes at once, one row per asked (node, types, direction, kinds): the batch of a
// DataLoader, so a level of a GraphQL request costs one round-trip whatever the number of parents.
// Each key: {key, id, types (null = all), dir ('OUT' | 'IN' | 'BOTH'), kinds (null = all), first (null = all)}.
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
CALL (n, k) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (k.types IS NULL OR type(r) IN k.types)
    AND (k.dir = 'BOTH' OR (k.dir = 'OUT') = (startNode(r) = n))
    AND (k.kinds IS NULL OR any(l IN labels(m) WHERE l IN k.kinds))
  WITH r, m
  ORDER BY m.date IS NULL, m.date, coalesce(m.name, m.title), m.id, type(r)
  RETURN collect({
    direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
    relationship: r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    node: m {.*, kind: [l IN labels(m) WHERE l <> 'Entity'][0], degree: COUNT { (m)--() }}
  }) AS links
}
RETURN k.key AS key, CASE WHEN k.first IS NULL THEN links ELSE links[..toInteger(k.first)] END AS links
