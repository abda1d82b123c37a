// One step of resolving ids through merges: the node each id was merged into, or null (constraint merged_id).
UNWIND $ids AS id
OPTIONAL MATCH (m:Merged {id: id})
RETURN id, m.into AS into
