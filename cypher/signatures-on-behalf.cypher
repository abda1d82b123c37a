// Signatures made on behalf of organisations (SIGNED.onBehalfOf holds the organisation's id), for many
// organisations at once, oldest signature first (undated last, in their agreements' date order: the order a
// compiled look-up reads from the index on SIGNED(onBehalfOf, date), src/cypher/lookUp.ts), each cut to its
// key's `first` (all when null) before any row is built: a hub has signatures by the thousand, and a page
// asks ten. Each key: {id, first}. The relationship index
// signed_on_behalf (schema.cypher) finds them without reading every signature.
// `{{signatureEvidence r}}` is the signature's evidence with its sources when the request asks for it
// (src/cypher/signatures.ts), else null.
UNWIND $keys AS k
CALL (k) {
  MATCH (p:Person)-[r:SIGNED]->(a:Agreement)
  WHERE r.onBehalfOf = k.id
  WITH p, r, a
  ORDER BY r.date IS NULL, r.date, a.date IS NULL, a.date, a.id, p.id
  WITH collect({p: p, r: r, a: a}) AS sorted
  // How many in all beside the page (signaturesTotal asks it with first 0).
  CALL (k, sorted) {
    UNWIND CASE WHEN k.first IS NULL THEN sorted ELSE sorted[..toInteger(k.first)] END AS picked
    WITH picked.p AS p, picked.r AS r, picked.a AS a
    RETURN collect({
      relationship: r {{{relationshipProperties}}, type: type(r), fromId: p.id, toId: a.id, evidence: {{signatureEvidence r}}},
      from: p {{{nodeProperties}}, kind: 'Person', degree: COUNT { (p)--() }},
      to: a {{{nodeProperties}}, kind: 'Agreement', degree: COUNT { (a)--() }}
    }) AS signatures
  }
  RETURN size(sorted) AS total, signatures
}
RETURN k.id AS id, k.first AS first, total, signatures
