// Drops the record of an undone merge.
MATCH (m:Merged {judgement: $judgement})
DELETE m
RETURN count(*) AS deleted
