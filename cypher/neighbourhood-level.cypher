// One further level of a neighbourhood (the third: neighbourhood-start.cypher reads the centre and the first
// two, and says how): for each node of the frontier, at most $perNode of its relationships, taken type by
// type, ordered by rank and best-connected (within the asked types) first. A node shown already ($known)
// comes back as its id only; others with their degree within the asked types.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
{{expansions}}
  }
  WITH r, m, rank LIMIT toInteger($perNode)
  WITH r, m, rank, m.id IN $known AS shown
  WITH r, m, rank, shown, CASE WHEN shown THEN -1 ELSE {{typedDegree m}} END AS typedDegree
  ORDER BY rank, typedDegree DESC, m.id
  RETURN collect([
    {{askedRelationship r}},
    CASE WHEN shown THEN m.id ELSE {{askedNode m}} END,
    typedDegree
  ]) AS links
}
RETURN id, links
