import type { Connection } from '../../src/db/connect';

export default async function globalTeardown(): Promise<void> {
  const connection = (globalThis as Record<string, unknown>).__ACCORDS_CONNECTION__ as Connection | undefined;
  await connection?.close();
}
