/**
 * One Neo4j per test run: tests/support/globalSetup.ts starts it (or uses NEO4J_URI) and loads the corpus;
 * test files share it and leave it as they found it. Type-checking is `npm run typecheck`'s job, so ts-jest
 * only transpiles.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  // Files that write to the shared database run one at a time; the suite stays in minutes.
  maxWorkers: 1,
  testTimeout: 60_000,
  slowTestThreshold: 15,
};
