// One level of a neighbourhood: for each node of the frontier, at most $perNode of its relationships (hubs
// are capped), with its degree within the asked types so the view can say how many are left out.
// src/store/shape.ts (neighbourhoodLevelQuery) fills two placeholders with type names from the model, never
// from a request: the expansions are one branch per asked type, the most telling first (signatures, parties
// and roles before places); UNION ALL is read branch after branch, so LIMIT stops a hub's expansion after
// $perNode relationships instead of reading and sorting thousands. The typed pattern is the asked types as
// static types (`-[:PARTY_TO|SIGNED]-`, or `--` for all), so a degree is a count-store look-up, not a walk of
// a hub's relationships. With $withNode (the first level), the frontier node itself is returned too: the centre is
// found in the same round-trip as its relationships.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
{{expansions}}
  }
  WITH r, m LIMIT toInteger($perNode)
  RETURN collect({
    relationship: {{relationship r}},
    node: {{node m}},
    typedDegree: COUNT { (m){{typed}}() }
  }) AS links
}
RETURN id, CASE WHEN $withNode THEN {{node n}} END AS node, COUNT { (n){{typed}}() } AS typedDegree, links
