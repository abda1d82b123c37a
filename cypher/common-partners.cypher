// Actors sharing an agreement with both $a and $b: an actor shares an agreement with another when both are
// party to it or signed it. Most shared agreements first.
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
CALL (a) {
  MATCH (a)-[:PARTY_TO|SIGNED]->(x:Agreement)<-[:PARTY_TO|SIGNED]-(p:Entity)
  WHERE p <> a
  RETURN p, collect(DISTINCT x) AS withA
}
CALL (b, p) {
  MATCH (b)-[:PARTY_TO|SIGNED]->(y:Agreement)<-[:PARTY_TO|SIGNED]-(p)
  RETURN collect(DISTINCT y) AS withB
}
WITH p, withA, withB
WHERE p <> b AND size(withB) > 0
ORDER BY size(withA) + size(withB) DESC, p.id
LIMIT toInteger($first)
RETURN
  {{node p}} AS partner,
  [x IN withA | x {{{nodeProperties}}, kind: 'Agreement', degree: COUNT { (x)--() }}] AS withA,
  [y IN withB | y {{{nodeProperties}}, kind: 'Agreement', degree: COUNT { (y)--() }}] AS withB
