// Dated agreements, events (and programmes when asked) in date order, between two partial dates (the upper
// bound inclusive: '2007' + '~' sorts after every 2007 date), optionally those an actor took part in.
MATCH (n:Entity)
WHERE n.date IS NOT NULL
  AND any(l IN labels(n) WHERE l IN $kinds)
  AND ($from IS NULL OR n.date >= $from)
  AND ($to IS NULL OR n.date <= $to + '~')
  AND ($actor IS NULL OR EXISTS { (:Entity {id: $actor})-[:PARTY_TO|SIGNED|RUNS|TAKES_PART_IN]->(n) })
WITH n
ORDER BY n.date, n.id
LIMIT toInteger($first)
RETURN n {.*, kind: [l IN labels(n) WHERE l <> 'Entity'][0], degree: COUNT { (n)--() }} AS node
