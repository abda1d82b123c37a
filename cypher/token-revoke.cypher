// Revokes a token by id; kept (not deleted) so the change log can still name who made a change.
MATCH (t:Token {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime()), t.revokedBy = coalesce(t.revokedBy, $revokedBy)
RETURN t.id AS id, t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt, toString(t.revokedAt) AS revokedAt
