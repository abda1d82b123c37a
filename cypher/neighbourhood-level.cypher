// One further level of a neighbourhood (the third: neighbourhood-start.cypher reads the centre and the first
// two, and says how): for each node of the frontier, at most $perNode of its relationships, taken type by
// type, ordered by rank and best-connected first. A node shown already ($known) comes back as its id only;
// others with their degree within the asked types.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
{{expansions}}
  }
  WITH r, m, rank LIMIT toInteger($perNode)
  WITH r, m, rank, m.id IN $known AS shown
  WITH m, rank, {
    relationship: {{relationship r}},
    node: CASE WHEN shown THEN {id: m.id} ELSE {{node m}} END,
    typedDegree: CASE WHEN shown THEN null ELSE {{typedDegree m}} END
  } AS link
  ORDER BY rank, coalesce(link.node.degree, -1) DESC, link.node.id
  RETURN collect(link) AS links
}
RETURN id, links
