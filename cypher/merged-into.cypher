// The nodes merged into each of $ids (their former identities), with the judgement of each (index merged_into).
UNWIND $ids AS id
MATCH (m:Merged {into: id})
MATCH (j:Judgement {id: m.judgement})
RETURN id, m.id AS mergedId, m.kind AS kind, m.label AS label, j {.*} AS judgement
ORDER BY m.seq
