// Stores a new API token: only its sha-256 hash is kept, so a copy of the database gives no usable token.
CREATE (t:Token {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime(), createdBy: $createdBy})
RETURN t.id AS id, t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt
