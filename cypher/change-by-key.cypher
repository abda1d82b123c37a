// The change a write with this idempotency key made already (a retry answers with it instead of writing).
MATCH (c:Change {idempotencyKey: $key})
RETURN c.seq AS seq, toString(c.at) AS at, c.actor AS actor, c.actorName AS actorName, c.action AS action,
       c.factId AS factId, c.before AS before, c.after AS after, c.reason AS reason
