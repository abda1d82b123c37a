// The pairs judged (and not undone), which candidates never propose again (index judgement_active).
MATCH (j:Judgement {active: true})
RETURN j.pair AS pair
