// The relationships of many nodes at once, one row per asked (node, types, direction, kinds): the batch of a
// DataLoader, so a level of a GraphQL request costs one round-trip whatever the number of parents.
// Each key: {key, id, types (never null: the store passes every type for "all"), dir ('OUT' | 'IN' | 'BOTH'),
// kinds (null = all), first (null = all), children (the same without id, asked of every node found: the
// next level a root look-up prefetches; usually []), self (also return the node itself, for a root look-up),
// evidence (the node's evidence too, when self)}.
// The expansions placeholders are written by src/store/shape.ts: one branch per relationship type and
// direction of the model, e.g. `MATCH (n)-[r:PARTY_TO]->(m:Entity) WHERE 'PARTY_TO' IN k.types AND
// k.dir <> 'IN'`. Neo4j checks the key's conditions before expanding, and expands a hub along one static type
// at a time, so asking for a hub's roles never walks through its thousands of agreements.
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
  CALL (m, k) {
    UNWIND k.children AS c
    CALL (m, c) {
      CALL (m, c) {
        {{childExpansions}}
      }
      WITH childRel, child, childDirection
      WHERE c.kinds IS NULL OR any(l IN labels(child) WHERE l IN c.kinds)
      ORDER BY child.date IS NULL, child.date, coalesce(child.name, child.title), child.id, type(childRel)
      WITH collect({r: childRel, m: child, direction: childDirection}) AS childSorted
      UNWIND CASE WHEN c.first IS NULL THEN childSorted ELSE childSorted[..toInteger(c.first)] END AS childPicked
      WITH childPicked.r AS childRel, childPicked.m AS child, childPicked.direction AS childDirection
      RETURN collect({{link childRel child childDirection}}) AS childLinks
    }
    RETURN collect({key: c.key, links: childLinks}) AS children
  }
  WITH {{link r m direction}} AS link, children
  RETURN collect(link {.*, children: children}) AS links
}
RETURN k.key AS key, links,
  CASE WHEN k.self THEN {node: {{node n}}, evidence: CASE WHEN k.evidence THEN {{evidence n}} END} END AS self
