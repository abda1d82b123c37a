// One page of every node of a kind, and their number: no filter, so the count comes from Neo4j's count store
// and the page from one ordered scan that keeps only the best $skip + $first. The label and the ORDER BY come
// from the fixed tables of src/cypher/list.ts.
CALL () {
  MATCH (n:{{kind}})
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:{{kind}})
  WITH n
  ORDER BY {{order}}
  SKIP toInteger($skip) LIMIT toInteger($first)
  RETURN collect({{node n}}) AS page
}
RETURN totalCount, page
