// Dated agreements, events (and programmes, statements and figures when asked) in date order, between two partial dates (the upper
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
  UNION
  // A figure is placed at the date it is true as of.
  MATCH (n:Figure)
  WHERE 'Figure' IN $kinds AND n.asOf >= coalesce($from, '') AND n.asOf <= coalesce($to + '~', '~')
  RETURN n
}
WITH n
// An actor's entries: what it is party to, signed, runs, takes part in or said, and what is said or counted about it.
WHERE $actor IS NULL OR EXISTS { (:Entity {id: $actor})-[:PARTY_TO|SIGNED|RUNS|TAKES_PART_IN|SAID]->(n) }
  OR EXISTS { (n)-[:ABOUT]->(:Entity {id: $actor}) }
WITH n
ORDER BY coalesce(n.date, n.asOf), n.id
LIMIT toInteger($first)
RETURN {{node n}} AS node
