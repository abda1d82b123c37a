// A judgement by id, locked.
MATCH (j:Judgement {id: $id})
SET j._lock = true
REMOVE j._lock
RETURN j {.*} AS judgement
