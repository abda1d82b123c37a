// One level of a path search (src/store/paths.ts): the relationships of the frontier's nodes, as their ids
// (`from|TYPE|to`, which name both ends), each with the degree of the node at the far end, so that the
// search can leave hubs uncrossed and pick the cheaper side next. On the last level the search may take,
// only the relationships that reach $targets (the other side's frontier) can complete a path: the others are
// not sent. One row of two lists: 40k rows took the driver 2-3 times longer to decode than the same values as
// lists. $limit is a guard: the caller has checked that the frontier's degrees fit its budget.
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(y:Entity)
WHERE ($types IS NULL OR type(r) IN $types) AND ($targets IS NULL OR y.id IN $targets)
WITH r, y
LIMIT toInteger($limit)
RETURN collect(r.id) AS ids, collect(COUNT { (y)--() }) AS degrees
