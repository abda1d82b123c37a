// The records of files imported before from the folders being imported now ($folders) that this import did
// not meet ($seen: the sources it read): files deleted from the corpus, whose statements are taken back.
MATCH (f:ImportedFile)
WHERE f.folder IN $folders AND NOT f.source IN $seen
RETURN f.source AS source, f.file AS file, f.folder AS folder, f.facts AS facts, f.props AS props, f.quoteFacts AS quoteFacts, f.quotes AS quotes
ORDER BY f.source
