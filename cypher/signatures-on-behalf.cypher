// Signatures made on behalf of organisations (SIGNED.onBehalfOf holds the organisation's id), for many
// organisations at once.
UNWIND $ids AS id
MATCH (p:Person)-[r:SIGNED]->(a:Agreement)
WHERE r.onBehalfOf = id
WITH id, p, r, a
ORDER BY a.date IS NULL, a.date, a.id, p.id
RETURN id, collect({
  relationship: r {{{relationshipProperties}}, type: type(r), fromId: p.id, toId: a.id},
  from: p {{{nodeProperties}}, kind: 'Person', degree: COUNT { (p)--() }},
  to: a {{{nodeProperties}}, kind: 'Agreement', degree: COUNT { (a)--() }}
}) AS signatures
