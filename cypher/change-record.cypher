// Appends changes to the log, numbered in the order they commit. The counter's write lock is taken before it
// is read (the `_lock` write), so two writers never read the same number; it is taken last in a write's
// transaction, so the time writers queue on it is only their commit. $changes: actor, actorName, action,
// factId, before, after (JSON strings), reason, idempotencyKey.
MERGE (k:ChangeCounter {name: 'changes'})
ON CREATE SET k.seq = 0
SET k._lock = true
REMOVE k._lock
WITH k, k.seq AS last
SET k.seq = last + size($changes)
WITH last
UNWIND range(0, size($changes) - 1) AS i
WITH last, i, $changes[i] AS c
CREATE (change:Change {
  seq: last + i + 1, at: datetime(), actor: c.actor, actorName: c.actorName, action: c.action,
  factId: c.factId, before: c.before, after: c.after, reason: c.reason, idempotencyKey: c.idempotencyKey
})
RETURN change.seq AS seq, toString(change.at) AS at, change.actor AS actor, change.actorName AS actorName,
       change.action AS action, change.factId AS factId, change.before AS before, change.after AS after,
       change.reason AS reason
ORDER BY seq
