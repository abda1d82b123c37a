import type { Config } from '../config';
import { openDatabase, type Connection } from '../db/connect';

/**
 * The database of a command-line tool: opened as `npm start` opens it, and closed (stopping a local Neo4j it
 * started) when the user presses Ctrl-C or the process gets SIGTERM, with exit code 130.
 */
export async function openDatabaseForCommand(config: Config): Promise<Connection> {
  let connection: Connection | undefined;
  const stop = async () => {
    await connection?.close().catch(() => undefined);
    process.exit(130);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  connection = await openDatabase(config);
  return connection;
}
