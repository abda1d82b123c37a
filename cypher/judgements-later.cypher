// Active SAME judgements made after $seq: a merge undone out of order undoes these first when they touch its cluster.
MATCH (j:Judgement {verdict: 'SAME', active: true})
WHERE j.seq > $seq
RETURN j {.*} AS judgement
ORDER BY j.seq
