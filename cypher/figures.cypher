// Figures filtered by what they are about, unit and status; largest value first, so that figures of one
// unit read as a ranking.
MATCH (f:Figure)
WHERE ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {id: $about}) })
  AND ($unit IS NULL OR f.unit = $unit)
  AND ($status IS NULL OR f.status = $status)
WITH f
ORDER BY f.value DESC, f.id
LIMIT toInteger($first)
RETURN {{node f}} AS node
