// The relationships of many nodes at once, one row per asked (node, types, direction, kinds): the batch of a
// DataLoader, so a level of a GraphQL request costs one round-trip whatever the number of parents.
// Each key: {key, id, types (never null: the store passes every type for "all"), dir ('OUT' | 'IN' | 'BOTH'),
// kinds (null = all), first (null = all)}.
// The expansions placeholder is written by src/cypher/links.ts: one branch per relationship type and direction
// the batch asks for, e.g. `MATCH (n)-[r:PARTY_TO]->(m:Entity) WHERE 'PARTY_TO' IN k.types AND k.dir <> 'IN'`.
// Neo4j checks the key's conditions before expanding, and expands a hub along one static type at a time, so
// asking for a hub's roles never walks through its thousands of agreements. (A look-up that fetches its next
// levels with it is compiled by src/cypher/lookUp.ts, in the same shape.)
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
CALL (n, k) {
  CALL (n, k) {
    {{expansions}}
  }
  WITH r, m, direction
  WHERE k.kinds IS NULL OR any(l IN labels(m) WHERE l IN k.kinds)
  ORDER BY m.date IS NULL, m.date, coalesce(m.name, m.title), m.id, type(r)
  // Cut to `first` before projecting: a hub's thousands of neighbours are never all built into rows.
  WITH collect({r: r, m: m, direction: direction}) AS sorted
  UNWIND CASE WHEN k.first IS NULL THEN sorted ELSE sorted[..toInteger(k.first)] END AS picked
  WITH picked.r AS r, picked.m AS m, picked.direction AS direction
  RETURN collect({{link r m direction}}) AS links
}
RETURN k.key AS key, links
