// The merge a judgement made, locked; and the active merges into the same cluster made after it (to undo first).
MATCH (m:Merged {judgement: $judgement})
SET m._lock = true
REMOVE m._lock
RETURN m {.*} AS record
