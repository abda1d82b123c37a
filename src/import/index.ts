/** The importer: what the CLI, the start-up and the tests use. */
export { importCorpus, validateCorpus } from './importCorpus';
export type { ImportOptions, ImportReport, ImportStep, ValidationSummary } from './importCorpus';
export { bulkLoadCorpus, canBulkLoad, recordBulkLoad } from './bulk';
export type { BulkLoadReport } from './bulk';
export { ImportInterrupted } from './transaction';
export { ImportError, formatProblem } from './problems';
export type { ImportProblem } from './problems';
export { CorpusPathError, listCorpusFiles } from './files';
export { relationshipId } from '../model/identity';
