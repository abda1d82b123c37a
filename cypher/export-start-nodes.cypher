// The next $limit nodes in id order after $after, each with the number of its outgoing relationships the
// export holds ($source: only those that source document cites): src/export/graph.ts groups them into pages
// of about a fixed number of relationships, and pages through a hub's own relationships by id.
MATCH (a:Entity)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id, COUNT { (a)-[r]->() WHERE $source IS NULL OR $source IN r.evidenceSources } AS out
