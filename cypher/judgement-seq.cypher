// The next judgement number (its order decides which merges an out-of-order undo takes back first).
MERGE (k:ChangeCounter {name: 'judgements'})
ON CREATE SET k.seq = 0
SET k.seq = k.seq + 1
RETURN k.seq AS seq
