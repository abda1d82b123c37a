// A retracted fact, and the relationships retracted with it when it is a node, with whether their ends are
// live again (a relationship comes back only between live nodes).
MATCH (x:Retracted {id: $id})
SET x._lock = true
REMOVE x._lock
RETURN x {.*} AS record,
       COLLECT {
         MATCH (y:Retracted {cascadeOf: $id})
         RETURN y {.*, endsLive: (y.from = $id OR EXISTS { MATCH (:Entity {id: y.from}) })
                           AND (y.to = $id OR EXISTS { MATCH (:Entity {id: y.to}) })}
       } AS cascaded
