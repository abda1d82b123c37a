// The centre of a neighbourhood and its first two levels, in one round-trip (a third level is one more:
// neighbourhood-level.cypher). Each node shows at most $perNode of its relationships, taken type by type in
// the order src/store/neighbourhood.ts gives, then ordered by that rank and the best-connected (within the
// asked types) first; the
// second level expands the first level's new nodes in that order, at most $limit - 1 of them (the view shows
// no more). Each relationship comes as a list [relationship, node, typed degree] (lists of known layout:
// src/cypher/projection.ts, nodeList), the node with only the fields the request reads. A node shown already (the
// centre, the first level) comes back as its id only; a new one with its degree within the asked types
// (which orders them), so the view can say how many of its relationships are left out.
// src/cypher/neighbourhood.ts (neighbourhoodQuery) fills the placeholders with type names from the model, never from
// a request: the expansions are one branch per asked type, most telling first, and UNION ALL is read branch
// after branch, so LIMIT stops a hub's expansion after $perNode relationships instead of reading and sorting
// thousands (within the type where the cap falls, those the database gives first are shown); typed degrees
// are counted along static types, which Neo4j reads from a hub's counts.
MATCH (c:Entity {id: $id})
CALL (c) {
  WITH c AS n
  CALL (n) {
{{expansions}}
  }
  WITH r, m, rank LIMIT toInteger($perNode)
  WITH r, m, rank, m = c AS shown
  WITH r, m, rank, shown, CASE WHEN shown THEN -1 ELSE {{typedDegree m}} END AS typedDegree
  ORDER BY rank, typedDegree DESC, m.id
  RETURN collect([
    {{askedRelationship r}},
    CASE WHEN shown THEN m.id ELSE {{askedNode m}} END,
    typedDegree
  ]) AS links, collect(m) AS ms
}
WITH c, links, reduce(seen = [], m IN ms | CASE WHEN m = c OR m IN seen THEN seen ELSE seen + m END) AS firstLevel
WITH c, links, firstLevel[..toInteger($limit) - 1] AS firstLevel
CALL (c, firstLevel) {
  UNWIND CASE WHEN $depth >= 2 THEN range(0, size(firstLevel) - 1) ELSE [] END AS i
  WITH c, firstLevel, i, firstLevel[i] AS n
  CALL (c, firstLevel, n) {
    CALL (n) {
{{expansions}}
    }
    WITH r, m, rank LIMIT toInteger($perNode)
    WITH r, m, rank, m = c OR m IN firstLevel AS shown
    WITH r, m, rank, shown, CASE WHEN shown THEN -1 ELSE {{typedDegree m}} END AS typedDegree
    ORDER BY rank, typedDegree DESC, m.id
    RETURN collect([
      {{askedRelationship r}},
      CASE WHEN shown THEN m.id ELSE {{askedNode m}} END,
      typedDegree
    ]) AS nextLinks
  }
  WITH i, n.id AS id, nextLinks ORDER BY i
  RETURN collect({id: id, links: nextLinks}) AS secondLevel
}
RETURN {{askedNode c}} AS center, {{typedDegree c}} AS typedDegree, links, secondLevel
