import type { Writable } from 'node:stream';
import { writeCsvNodes, writeCsvRelationships } from './csv';
import { writeCypher } from './cypherScript';
import { ExportError } from './errors';
import { writeFtm } from './ftm';
import { writeGexf } from './gexf';
import type { ExportGraph, Scope } from './graph';
import { writeGraphml } from './graphml';

export { ExportError } from './errors';
export { ARRAY_DELIMITER, IMPORT_OPTIONS } from './csv';
export { MAX_EXPORT_DEPTH, MAX_NEIGHBOURHOOD_NODES, openExportGraph, type ExportGraph, type Scope } from './graph';

/** One export format: how it is written, and how it is served and named. */
export interface ExportFormat {
  name: string;
  contentType: string;
  extension: string;
  write(graph: ExportGraph): AsyncIterable<string>;
}

export const FORMATS: Record<string, ExportFormat> = {
  ftm: { name: 'ftm', contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.json', write: writeFtm },
  gexf: { name: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', write: writeGexf },
  graphml: { name: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', write: writeGraphml },
  cypher: { name: 'cypher', contentType: 'application/x-cypher-query; charset=utf-8', extension: 'cypher', write: writeCypher },
  'csv-nodes': { name: 'csv-nodes', contentType: 'text/csv; charset=utf-8', extension: 'nodes.csv', write: writeCsvNodes },
  'csv-relationships': {
    name: 'csv-relationships',
    contentType: 'text/csv; charset=utf-8',
    extension: 'relationships.csv',
    write: writeCsvRelationships,
  },
};

export function formatNamed(name: string): ExportFormat {
  const format = Object.prototype.hasOwnProperty.call(FORMATS, name) ? FORMATS[name] : undefined;
  if (!format) {
    throw new ExportError(`Unknown export format "${name}": use one of ${Object.keys(FORMATS).join(', ')}`, 'BAD_USER_INPUT', 'format');
  }
  return format;
}

/** The scope asked by `center` + `depth` or `source` (strings, as a URL or a command line gives them). */
export function parseScope(args: { center?: string; depth?: string; source?: string }): Scope {
  if (args.center !== undefined && args.source !== undefined) {
    throw new ExportError('Give either center (with depth) or source, not both', 'BAD_USER_INPUT', 'source');
  }
  if (args.source !== undefined) {
    if (!args.source) throw new ExportError('source must be a source document id', 'BAD_USER_INPUT', 'source');
    return { kind: 'source', source: args.source };
  }
  if (args.center !== undefined) {
    if (!args.center) throw new ExportError('center must be a node id', 'BAD_USER_INPUT', 'center');
    const depth = args.depth === undefined ? 1 : /^\d+$/.test(args.depth) ? Number(args.depth) : NaN;
    return { kind: 'neighbourhood', center: args.center, depth };
  }
  if (args.depth !== undefined) throw new ExportError('depth needs a center', 'BAD_USER_INPUT', 'depth');
  return { kind: 'all' };
}

/** The file name an export is offered under: `accords-<scope>.<extension>`. */
export function exportFileName(format: ExportFormat, scope: Scope): string {
  const what = scope.kind === 'all' ? 'graph' : scope.kind === 'source' ? scope.source : `${scope.center}-depth-${scope.depth}`;
  return `accords-${what.replace(/[^A-Za-z0-9_.-]/g, '_')}.${format.extension}`;
}

/**
 * Writes an export to a stream in chunks of about 64 KiB, waiting for 'drain' when the stream asks to: a slow
 * reader (a client, a disk) holds up the reading of pages, not memory. A stream closed midway (a client that
 * hangs up) ends the export with an error, so no more pages are read for nobody.
 */
export async function pipeExport(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  const write = async (text: string) => {
    if (out.destroyed || out.writableEnded) throw new Error('the output was closed before the export was complete');
    if (out.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        out.off('drain', drained);
        out.off('close', closed);
        if (err) reject(err);
        else resolve();
      };
      const drained = () => done();
      const closed = () => done(new Error('the output was closed before the export was complete'));
      out.on('drain', drained);
      out.on('close', closed);
    });
  };
  let buffer = '';
  for await (const piece of chunks) {
    buffer += piece;
    if (buffer.length >= 65_536) {
      const text = buffer;
      buffer = '';
      await write(text);
    }
  }
  if (buffer) await write(buffer);
}
