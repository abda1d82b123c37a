// The source documents cited by the facts a source document states (itself included): a scoped export
// carries them, so every fact's evidence names a Source node of the same file.
CALL () {
  MATCH (n:Entity) WHERE $source IN n.evidenceSources RETURN n.evidenceSources AS cited
  UNION ALL
  MATCH ()-[r]->() WHERE $source IN r.evidenceSources RETURN r.evidenceSources AS cited
}
UNWIND cited AS s
RETURN collect(DISTINCT s) AS cited
