// How many signatures were made on behalf of each organisation (SIGNED.onBehalfOf holds its id), as
// signatures-on-behalf.cypher lists them: `Organisation.signaturesTotal`.
UNWIND $ids AS id
RETURN id, COUNT { MATCH (:Person)-[r:SIGNED]->(:Agreement) WHERE r.onBehalfOf = id } AS total
