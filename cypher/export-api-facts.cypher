// The facts made or corrected through the API (they carry a version), with every property, and the sources
// their evidence cites. A scan of every fact: an export is occasional.
CALL () {
  MATCH (n:Entity) WHERE n.version IS NOT NULL AND NOT n:Source
  RETURN 'NODE' AS factType, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n {.*} AS props
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity) WHERE r.version IS NOT NULL
  RETURN 'RELATIONSHIP' AS factType, type(r) AS kind, r {.*} AS props
}
RETURN factType, kind, props
