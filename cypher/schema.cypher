// Generated from src/model/model.ts by `npm run model`: edit the model, not this file.
// Applied at every start (src/db/schema.ts); every statement is idempotent (IF NOT EXISTS).

// Every node carries :Entity besides its kind, so that node(id) is one index look-up whatever the kind.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT clause_id IF NOT EXISTS FOR (n:Clause) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT commitment_id IF NOT EXISTS FOR (n:Commitment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;

// Look-ups and sorts the API makes.
CREATE RANGE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE RANGE INDEX organisation_type IF NOT EXISTS FOR (n:Organisation) ON (n.type);
CREATE RANGE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE RANGE INDEX agreement_title IF NOT EXISTS FOR (n:Agreement) ON (n.title);
CREATE RANGE INDEX agreement_type IF NOT EXISTS FOR (n:Agreement) ON (n.type);
CREATE RANGE INDEX agreement_date IF NOT EXISTS FOR (n:Agreement) ON (n.date);
CREATE RANGE INDEX programme_name IF NOT EXISTS FOR (n:Programme) ON (n.name);
CREATE RANGE INDEX programme_type IF NOT EXISTS FOR (n:Programme) ON (n.type);
CREATE RANGE INDEX programme_date IF NOT EXISTS FOR (n:Programme) ON (n.date);
CREATE RANGE INDEX clause_title IF NOT EXISTS FOR (n:Clause) ON (n.title);
CREATE RANGE INDEX commitment_title IF NOT EXISTS FOR (n:Commitment) ON (n.title);
CREATE RANGE INDEX commitment_type IF NOT EXISTS FOR (n:Commitment) ON (n.type);
CREATE RANGE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE RANGE INDEX place_type IF NOT EXISTS FOR (n:Place) ON (n.type);
CREATE RANGE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE RANGE INDEX source_title IF NOT EXISTS FOR (n:Source) ON (n.title);
CREATE RANGE INDEX source_type IF NOT EXISTS FOR (n:Source) ON (n.type);
CREATE RANGE INDEX source_date IF NOT EXISTS FOR (n:Source) ON (n.date);
CREATE RANGE INDEX statement_title IF NOT EXISTS FOR (n:Statement) ON (n.title);
CREATE RANGE INDEX statement_mode IF NOT EXISTS FOR (n:Statement) ON (n.mode);
CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);
CREATE RANGE INDEX figure_title IF NOT EXISTS FOR (n:Figure) ON (n.title);
CREATE RANGE INDEX figure_unit IF NOT EXISTS FOR (n:Figure) ON (n.unit);
CREATE RANGE INDEX figure_status IF NOT EXISTS FOR (n:Figure) ON (n.status);
CREATE RANGE INDEX figure_qualifier IF NOT EXISTS FOR (n:Figure) ON (n.qualifier);
CREATE RANGE INDEX figure_as_of IF NOT EXISTS FOR (n:Figure) ON (n.asOf);

// Signatures made on an organisation's behalf (Organisation.signatures): without it, every signature is read.
CREATE RANGE INDEX signed_on_behalf IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.onBehalfOf);
// A hub's first signatures in date order without sorting them all (a composite index holds only the dated).
CREATE RANGE INDEX signed_on_behalf_date IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.onBehalfOf, r.date);

// Writes through the API (src/auth/, src/writes/): tokens by the hash of their secret, documents by the
// hash of their text, the change log by number and by fact, retracted facts by id, idempotency keys once.
CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE;
CREATE CONSTRAINT token_id IF NOT EXISTS FOR (t:Token) REQUIRE t.id IS UNIQUE;
CREATE RANGE INDEX source_content_hash IF NOT EXISTS FOR (n:Source) ON (n.contentHash);
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE RANGE INDEX change_fact IF NOT EXISTS FOR (c:Change) ON (c.factId);
CREATE CONSTRAINT change_idempotency IF NOT EXISTS FOR (c:Change) REQUIRE c.idempotencyKey IS UNIQUE;
CREATE CONSTRAINT change_counter IF NOT EXISTS FOR (k:ChangeCounter) REQUIRE k.name IS UNIQUE;
CREATE CONSTRAINT retracted_id IF NOT EXISTS FOR (r:Retracted) REQUIRE r.id IS UNIQUE;
CREATE RANGE INDEX retracted_with IF NOT EXISTS FOR (r:Retracted) ON (r.cascadeOf);

// Duplicates (src/merges/): judgements by id and by pair, merged ids by id, by canonical node and by judgement.
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE;
CREATE RANGE INDEX judgement_pair IF NOT EXISTS FOR (j:Judgement) ON (j.pair, j.active);
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:Merged) REQUIRE m.id IS UNIQUE;
CREATE RANGE INDEX merged_into IF NOT EXISTS FOR (m:Merged) ON (m.into);
CREATE CONSTRAINT merged_judgement IF NOT EXISTS FOR (m:Merged) REQUIRE m.judgement IS UNIQUE;

// What each corpus file stated at its last import (src/import/ledger.ts), by its source: re-imports reconcile.
CREATE CONSTRAINT imported_file IF NOT EXISTS FOR (f:ImportedFile) REQUIRE f.source IS UNIQUE;

// Search over names, titles and aliases; standard-folding folds accents and case ("Delanoe" finds "Delanoë").
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Organisation|Person|Agreement|Programme|Clause|Commitment|Place|Event|Source|Statement|Figure) ON EACH [n.name, n.title, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};

// The sentences of the source documents (src/corpus/passages.ts): passages(text) searches their words.
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE FULLTEXT INDEX passage_search IF NOT EXISTS FOR (p:Passage) ON EACH [p.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
