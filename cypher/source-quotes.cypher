// Whether each quote of some evidence is found in the stored text of the source it cites (live sources only:
// an unknown or retracted source gives no row). For well-formed text, CONTAINS on the stored string is the
// importer's byte-for-byte rule (src/model/check.ts, containsQuote). The text itself comes back only for a
// quote not found, for the message to say how it differs: a write no longer brings whole documents from the
// database to check one sentence. $evidence: [{sourceId, quote}].
UNWIND range(0, size($evidence) - 1) AS i
WITH i, $evidence[i] AS e
MATCH (s:Source {id: e.sourceId})
WITH i, s.documentText AS text, s.documentText CONTAINS e.quote AS found
RETURN i, text IS NOT NULL AS hasText, coalesce(found, false) AS found, CASE WHEN found = false THEN text END AS text
