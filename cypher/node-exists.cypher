// Which of $ids name a node: network questions about an unknown id answer NOT_FOUND, not an empty result.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, n IS NOT NULL AS found
