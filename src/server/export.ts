import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/database';
import { DatabaseError } from '../db/database';
import { ExportError, exportFileName, formatNamed, openExportGraph, parseScope, pipeExport } from '../export';
import { log } from '../log';
import { HttpError } from './requests';

/**
 * `GET /export/<format>?center=ID&depth=N` or `?source=ID`: the graph in one of the export formats, streamed
 * as it is read, with its content type and a file name to save it under. Reads are open, as for GraphQL.
 * Everything that can be refused (the format, the parameters, an unknown id) is checked before the first
 * byte, and answered as a coded JSON error; a failure midway cuts the response, so a client never takes a
 * truncated file for a whole one.
 */
export const EXPORT_PATH = /^\/export\/([^/]*)$/;

/** An export's refusal names the parameter at fault besides the code. */
function refuse(res: ServerResponse, status: number, message: string, code: string, argument?: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...(argument ? { argument } : {}) } }] }));
}

const one = (params: URLSearchParams, name: string) => {
  const values = params.getAll(name);
  if (values.length > 1) throw new ExportError(`${name} is given ${values.length} times`, 'BAD_USER_INPUT', name);
  return values[0];
};

export async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL, db: Database): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not supported on /export: use GET`, { allow: 'GET, HEAD' });
  }
  let started = false;
  try {
    const format = formatNamed(decodeURIComponent(EXPORT_PATH.exec(url.pathname)?.[1] ?? ''));
    for (const name of url.searchParams.keys()) {
      if (!['center', 'depth', 'source'].includes(name)) {
        throw new ExportError(`Unknown parameter "${name}": use center and depth, or source`, 'BAD_USER_INPUT', name);
      }
    }
    const p = url.searchParams;
    const scope = parseScope({ center: one(p, 'center'), depth: one(p, 'depth'), source: one(p, 'source') });
    const graph = await openExportGraph(db, scope);
    res.writeHead(200, {
      'content-type': format.contentType,
      'content-disposition': `attachment; filename="${exportFileName(format, scope)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    started = true;
    await pipeExport(format.write(graph), res);
    res.end();
  } catch (err) {
    if (started) {
      log.error('export failed midway', { path: url.pathname, message: (err as Error).message });
      res.destroy();
      return;
    }
    if (err instanceof ExportError) return refuse(res, err.status, err.message, err.code, err.argument);
    if (err instanceof DatabaseError) {
      const timeout = err.code === 'TIMEOUT';
      return refuse(res, timeout ? 504 : 503, timeout ? err.message : 'The database is unavailable; try again shortly', timeout ? 'DATABASE_TIMEOUT' : 'DATABASE_UNAVAILABLE');
    }
    throw err;
  }
}
