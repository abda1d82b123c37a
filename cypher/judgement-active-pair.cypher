// The active judgement on a pair, if any (index judgement_pair), locked so two editors judging it queue.
OPTIONAL MATCH (j:Judgement {pair: $pair, active: true})
CALL (j) { WITH j WHERE j IS NOT NULL SET j._lock = true REMOVE j._lock }
RETURN j {.*} AS judgement
