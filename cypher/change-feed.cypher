// Every change after $since, in order (the seq constraint's index serves the range and the order).
MATCH (c:Change)
WHERE c.seq > $since
WITH c ORDER BY c.seq
LIMIT toInteger($first)
RETURN c.seq AS seq, toString(c.at) AS at, c.actor AS actor, c.actorName AS actorName, c.action AS action,
       c.factId AS factId, c.before AS before, c.after AS after, c.reason AS reason
