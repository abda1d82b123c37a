// The stored texts of the sources some evidence cites (live sources only); quotes are checked against them.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN id, s.documentText AS text
