// The names and aliases of every node of the kinds asked, for blocking (src/merges/candidates.ts): one label
// scan per kind, nothing else read. $kinds: node kinds.
UNWIND $kinds AS kind
MATCH (n:$(kind))
RETURN n.id AS id, kind, coalesce(n.name, n.title, n.id) AS name, coalesce(n.aliases, []) AS aliases
