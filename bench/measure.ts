/**
 * Timing on loopback: sequential latency with a keep-alive client, and throughput under concurrency with
 * autocannon. Both are bounded (a count of requests, a duration).
 */
import http from 'node:http';
import autocannon from 'autocannon';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply {
  status: number;
  body: any;
  ms: number;
}

/**
 * One POST of a GraphQL request; the time covers sending the request to reading the whole answer. A kept-alive
 * socket the server closed while idle (its keepAliveTimeout passed during the other side's load test) is
 * retried once on a new socket, as Node's documentation advises for `reusedSocket`.
 */
export async function post(url: string, payload: string, headers: Record<string, string> = {}): Promise<Reply> {
  try {
    return await postOnce(url, payload, headers);
  } catch (err) {
    if ((err as NodeJS.ErrnoException & { reusedSocket?: boolean }).reusedSocket) return postOnce(url, payload, headers);
    throw err;
  }
}

function postOnce(url: string, payload: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
          }
          resolve({ status: res.statusCode ?? 0, body, ms });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer from ${url} within 60 s`)));
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(Object.assign(err, { reusedSocket: req.reusedSocket && err.code === 'ECONNRESET' })));
    req.end(payload);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Throughput {
  requestsPerSecond: number;
  /** Mean latency under load (ms). */
  latencyMs: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
}

/** `connections` clients sending the payloads in turn (same order for every server) for `seconds`. */
export async function throughput(url: string, payloads: string[], connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Throughput> {
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, body: payloads[next++ % payloads.length] }),
        // A GraphQL error still answers 200: count it as an error all the same.
        onResponse: (_status, body) => {
          if (body.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: result.latency.average,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + graphqlErrors,
    non2xx: result.non2xx,
  };
}
