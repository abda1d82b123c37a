// Records a judgement, or updates one ($judgement: every property). Outside the graph: no :Entity label.
MERGE (j:Judgement {id: $judgement.id})
SET j = $judgement
RETURN j {.*} AS judgement
