// The sources an export cites, with their text.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS props
