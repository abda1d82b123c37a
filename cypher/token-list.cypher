// Every token, newest first, without its hash.
MATCH (t:Token)
RETURN t.id AS id, t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt, toString(t.revokedAt) AS revokedAt
ORDER BY t.createdAt DESC
