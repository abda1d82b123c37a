// The live token with this hash (one index look-up on the unique hash), or nothing.
MATCH (t:Token {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t.id AS id, t.name AS name, t.role AS role
