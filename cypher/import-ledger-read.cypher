// The records of the previous import of some files, by their sources ($sources).
UNWIND $sources AS source
MATCH (f:ImportedFile {source: source})
RETURN f.source AS source, f.file AS file, f.folder AS folder, f.facts AS facts, f.props AS props, f.quoteFacts AS quoteFacts, f.quotes AS quotes
