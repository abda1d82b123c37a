// One level of a path search (src/store/paths.ts): the relationships of the frontier's nodes, as their ids
// (`from|TYPE|to`, which name both ends), each with the degree of the node at the far end, so that the
// search can leave hubs uncrossed and pick the cheaper side next. Given $targets (the other side's frontier),
// only the relationships that reach them: on the last level the search may take, and first on a costly one,
// only those can complete a path. The targets are matched once and compared as nodes: comparing each far
// node's id read 30 % more on a hub's level. One row of two lists: 40k rows took the driver 2-3 times longer
// to decode than the same values as lists. $limit is a guard: the caller has checked that the frontier's
// degrees fit its budget.
OPTIONAL MATCH (t:Entity) WHERE t.id IN $targets
WITH collect(t) AS targets
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(y:Entity)
WHERE ($types IS NULL OR type(r) IN $types) AND ($targets IS NULL OR y IN targets)
WITH r, y
LIMIT toInteger($limit)
RETURN collect(r.id) AS ids, collect(COUNT { (y)--() }) AS degrees
