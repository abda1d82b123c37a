// Creates a batch of passages of source documents new to the database ($rows: id, source, index, text, facts):
// their Source did not exist when the import was validated, so neither did its passages (a passage's id is its
// source's and its place, src/corpus/passages.ts), and this import writes each source's passages once.
UNWIND $rows AS row
CREATE (p:Passage)
SET p = row
