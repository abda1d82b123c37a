// Dated agreements, events (and programmes and statements when asked) in date order, between two partial dates (the upper
// bound inclusive: '2007' + '~' sorts after every 2007 date), optionally those an actor took part in.
// One branch per kind, so each reads its kind's date index instead of every node.
CALL () {
  MATCH (n:Agreement)
  WHERE 'Agreement' IN $kinds AND n.date >= coalesce($from, '') AND n.date <= coalesce($to + '~', '~')
  RETURN n
  UNION
  MATCH (n:Event)
  WHERE 'Event' IN $kinds AND n.date >= coalesce($from, '') AND n.date <= coalesce($to + '~', '~')
  RETURN n
  UNION
  MATCH (n:Programme)
  WHERE 'Programme' IN $kinds AND n.date >= coalesce($from, '') AND n.date <= coalesce($to + '~', '~')
  RETURN n
  UNION
  MATCH (n:Statement)
  WHERE 'Statement' IN $kinds AND n.date >= coalesce($from, '') AND n.date <= coalesce($to + '~', '~')
  RETURN n
}
WITH n
WHERE $actor IS NULL OR EXISTS { (:Entity {id: $actor})-[:PARTY_TO|SIGNED|RUNS|TAKES_PART_IN|SAID]->(n) }
WITH n
ORDER BY n.date, n.id
LIMIT toInteger($first)
RETURN {{node n}} AS node
