// How many live facts cite a source as evidence (a Source cited by facts cannot be retracted: their quotes
// would lose their document). A scan of every fact: retracting a source is rare.
RETURN COUNT { MATCH (n:Entity) WHERE $id IN n.evidenceSources AND n.id <> $id } +
       COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE $id IN r.evidenceSources } AS cited
