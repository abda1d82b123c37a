// Upserts a batch of passages ($rows: id, source, index, text, facts): one per sentence of a source document,
// with the ids of the facts quoting it. Facts given by another file citing the same document are kept.
UNWIND $rows AS row
MERGE (p:Passage {id: row.id})
SET p.source = row.source, p.index = row.index, p.text = row.text,
    p.facts = [f IN coalesce(p.facts, []) WHERE NOT f IN row.facts] + row.facts
