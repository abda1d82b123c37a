// A live node with every relationship it has, to be retracted with it (each kept as its own record).
MATCH (n:Entity {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       COLLECT { MATCH (n)-[r]-() RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.*}} } AS relationships
