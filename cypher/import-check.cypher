// After an import, inside its transaction: nodes that got no kind label (a relationship end no file
// described). Validation makes this 0; anything else aborts the transaction.
MATCH (n:Entity)
WHERE size(labels(n)) < 2
RETURN count(n) AS unlabelled, collect(n.id)[..10] AS examples
