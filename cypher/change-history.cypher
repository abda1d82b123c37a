// The changes of one fact, oldest first (index change_fact).
MATCH (c:Change {factId: $id})
WITH c ORDER BY c.seq
LIMIT toInteger($first)
RETURN c.seq AS seq, toString(c.at) AS at, c.actor AS actor, c.actorName AS actorName, c.action AS action,
       c.factId AS factId, c.before AS before, c.after AS after, c.reason AS reason
