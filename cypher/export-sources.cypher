// Every source document's title and publisher: evidence in FtM names its publisher (one row per document,
// thousands at most, not per fact).
MATCH (s:Source)
RETURN s.id AS id, s.title AS title, s.publisher AS publisher
