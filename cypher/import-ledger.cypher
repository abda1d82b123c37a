// Records what each imported file stated ($rows: source, file, folder, facts, props, quoteFacts, quotes), replacing the
// record of its previous import (src/import/ledger.ts); the next re-import reconciles against it.
UNWIND $rows AS row
MERGE (f:ImportedFile {source: row.source})
SET f.file = row.file, f.folder = row.folder, f.facts = row.facts, f.props = row.props, f.quoteFacts = row.quoteFacts, f.quotes = row.quotes
