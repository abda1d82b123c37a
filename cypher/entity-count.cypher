// How many Accords nodes the database holds: the start loads the corpus only into an empty database.
MATCH (n:Entity) RETURN count(n) AS n
