// How many relationships each of the two ends of a path search has: the search expands the side that has
// fewer first (src/store/paths.ts).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, COUNT { (n)--() } AS degree
