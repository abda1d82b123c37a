// Every merge: merged id → the node it was merged into (the importer rewrites file rows through them).
MATCH (m:Merged)
RETURN m.id AS id, m.into AS into
