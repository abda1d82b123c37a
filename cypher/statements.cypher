// Statements filtered by speaker, subject, date range (the upper bound inclusive: '2008' + '~' sorts after
// every 2008 date) and mode; dated ones first, oldest first. A speaker or subject filter starts from that
// node's few relationships rather than from every statement.
MATCH (s:Statement)
WHERE ($speaker IS NULL OR EXISTS { (:Entity {id: $speaker})-[:SAID]->(s) })
  AND ($subject IS NULL OR EXISTS { (s)-[:ABOUT]->(:Entity {id: $subject}) })
  AND ($from IS NULL OR s.date >= $from)
  AND ($to IS NULL OR s.date <= $to + '~')
  AND ($mode IS NULL OR s.mode = $mode)
WITH s
ORDER BY s.date IS NULL, s.date, s.id
LIMIT toInteger($first)
RETURN {{node s}} AS node
