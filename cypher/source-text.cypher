// Pages of source texts, many at once (a DataLoader batch): `length` characters from `offset`, with the
// text's length and hash.
UNWIND $keys AS k
OPTIONAL MATCH (s:Source {id: k.id})
RETURN k.key AS key, substring(s.documentText, k.offset, k.length) AS text, size(s.documentText) AS totalLength,
       s.contentHash AS contentHash
