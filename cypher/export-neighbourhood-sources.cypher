// The source documents cited by a neighbourhood's nodes and the relationships between them.
CALL () {
  UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.evidenceSources AS cited
  UNION ALL
  UNWIND $ids AS id MATCH (:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids RETURN r.evidenceSources AS cited
}
UNWIND cited AS s
RETURN collect(DISTINCT s) AS cited
