// Keeps what a merge needs to be undone ($record: id, into, judgement, kind, label, seq, state): a :Merged
// record outside the graph (no :Entity label, no relationships), so no read query meets it.
CREATE (m:Merged)
SET m = $record, m.at = datetime()
RETURN m.id AS id
