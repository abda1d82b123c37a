/** The importer: what the CLI, the start-up and the tests use. */
export { importCorpus, validateCorpus } from './importCorpus';
export type { ImportOptions, ImportReport, ValidationSummary } from './importCorpus';
export { ImportError, formatProblem } from './problems';
export type { ImportProblem } from './problems';
export { CorpusPathError, listCorpusFiles } from './files';
export { relationshipId } from './identity';
