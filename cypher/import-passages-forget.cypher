// Takes the facts a re-import removed ($ids: nodes and relationships no file states any more) out of the
// passages that cited them: a passage lists only facts that exist. One scan of the passages per batch.
MATCH (p:Passage)
WHERE any(f IN p.facts WHERE f IN $ids)
SET p.facts = [f IN p.facts WHERE NOT f IN $ids]
RETURN count(p) AS passages
