// Judgements, newest first: all, or those naming $node ($node null: all); undone ones with $includeUndone.
MATCH (j:Judgement)
WHERE ($node IS NULL OR j.a = $node OR j.b = $node OR $node IN coalesce(j.ids, []))
  AND ($includeUndone OR j.active)
RETURN j {.*} AS judgement
ORDER BY j.seq DESC
LIMIT toInteger($first)
