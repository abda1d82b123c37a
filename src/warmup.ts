import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './config';
import { cypher } from './cypher';
import type { Database } from './db/database';
import { createContext } from './graphql/context';
import { createApollo } from './graphql/server';
import { log } from './log';
import { detailVariables, neighbourhoodVariables, PER_NODE, QUERIES } from '../web/src/queries';

/**
 * No cold start for users: Neo4j plans a query text the first time it meets it, and the explorer's and
 * examples/' requests compile to large texts (a details request took 3.1 s cold against 0.1 s warm, the page
 * 10.5 s). At start, each operation a user is likely to send is run once through the real GraphQL executor
 * with ids from the database, so the texts it sends are planned before the first user asks. Ids and values
 * are parameters (tests/warm-start.test.ts checks that two ids send the same texts), so one run per
 * operation and kind plans what every later request of that operation sends.
 */

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * What opening the explorer on an organisation sends (its neighbourhood and its details), found by a query
 * too small to take long to plan: on a cold JVM under load the sample query of warmUpOperations (a branch
 * per kind) took the whole 10 s budget before any operation started.
 */
export async function openingOperations(db: Database): Promise<Operation[]> {
  const [hub] = await db.read<{ id: string }>(cypher('warmup-hub'));
  if (!hub) return [];
  return [
    { name: 'Neighbourhood', query: QUERIES.Neighbourhood!, variables: neighbourhoodVariables(hub.id, PER_NODE) },
    { name: 'OrganisationDetail', query: QUERIES.OrganisationDetail!, variables: detailVariables(hub.id, 'Organisation') },
  ];
}

/** The operations to run, most useful first: what opening the explorer on a node sends, then the rest. */
export async function warmUpOperations(db: Database): Promise<Operation[]> {
  const samples = await db.read<{ kind: string; ids: string[] }>(cypher('warmup-samples'));
  const idsOf = (kind: string) => [...new Set(samples.find((s) => s.kind === kind)?.ids ?? [])];
  const idOf = (kind: string) => idsOf(kind)[0];
  const ops: Operation[] = [];
  const add = (name: string, variables: Record<string, unknown>) => {
    const query = QUERIES[name];
    if (query) ops.push({ name, query, variables });
  };
  // Opening the explorer on a node: its neighbourhood, its details (prefetch.js sends both), and its summary.
  // A request's texts depend on what it asks, not on the node (tests/warm-start.test.ts): the first pass plans
  // the opening texts once each, a hub's neighbourhood and details first (the two workers plan them side by
  // side: the page opens on a hub), then each kind's details; the other samples only plan what their data
  // reaches (a list's items resolved on their own), so they come after.
  const byDegree = ['Organisation', 'Agreement', 'Person', 'Programme', 'Place', 'Event', 'Commitment', 'Clause', 'Statement', 'Figure', 'Source'];
  const first = byDegree.flatMap((kind) => idsOf(kind).slice(0, 1).map((id) => ({ kind, id })));
  if (first[0]) add('Neighbourhood', neighbourhoodVariables(first[0].id, PER_NODE));
  for (const { kind, id } of first) add(`${kind}Detail`, detailVariables(id, kind));
  for (const kind of byDegree) {
    for (const id of idsOf(kind)) {
      add('Neighbourhood', neighbourhoodVariables(id, PER_NODE));
      add(`${kind}Detail`, detailVariables(id, kind));
    }
  }
  const hub = idOf('Organisation') ?? samples[0]?.ids[0];
  if (hub) {
    add('NodeSummary', { id: hub });
    add('Timeline', { from: null, to: null, actor: hub });
  }
  add('Search', { text: 'microsoft', kinds: null, first: 10 });
  add('Passages', { text: 'partenariat', first: 8 });
  const person = idOf('Person');
  if (person && hub) add('Paths', { from: person, to: hub, maxLength: 4, shortestOnly: true, first: 10 });
  const source = idOf('Source');
  if (source) add('SourceText', { id: source });
  for (const op of exampleOperations()) ops.push(op);
  // The panel's "show all": rarer, so last.
  for (const name of Object.keys(QUERIES).filter((n) => n.endsWith('Page'))) {
    const kind = Object.keys(detailKinds()).find((k) => name.startsWith(k) && idOf(k));
    if (kind) add(name, { id: idOf(kind), first: 20 });
  }
  return ops;
}

/** The kinds with a details operation (`OrganisationDetail` …). */
const detailKinds = () => Object.fromEntries(Object.keys(QUERIES).filter((n) => n.endsWith('Detail')).map((n) => [n.slice(0, -'Detail'.length), true]));

/** examples/*.graphql (reads only), as they are: the questions the README shows first. */
function exampleOperations(): Operation[] {
  const dir = path.join(ROOT, 'examples');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f, query: fs.readFileSync(path.join(dir, f), 'utf8'), variables: {} }))
    .filter((op) => !/^\s*mutation\b/m.test(op.query));
}

export interface WarmUpOptions {
  /** Start no operation after this long (default 2 minutes); each query may take as long (at least 30 s). */
  budgetMs?: number;
  /** Only the operations so named (all by default). */
  only?: (name: string) => boolean;
}

export interface WarmUpReport {
  operations: number;
  /** Operations that failed (a timeout on a busy machine): their texts are planned by the first user instead. */
  failed: string[];
  /** Operations not started when the time was up. */
  left: number;
  ms: number;
}

/**
 * Runs the operations, two at a time (Neo4j plans on the machine's cores), until done or `budgetMs` has
 * passed. A failure is logged and skipped: the warm-up never stops a start.
 */
export async function warmUpForUsers(db: Database, options: WarmUpOptions = {}): Promise<WarmUpReport> {
  const budgetMs = options.budgetMs ?? 120_000;
  const started = Date.now();
  const apollo = createApollo();
  await apollo.start();
  // Planned once, a text is answered from the cache by every later request: let its planning take the time
  // there is (a plan given up on at the request timeout is not cached).
  // On a loaded machine, planning the opening texts on a cold JVM took more than 10 s (the request timeout):
  // stopped, it left nothing cached, and the first user planned it again and timed out. A started operation
  // may run up to 30 s; none starts after the budget.
  const patient = db.withQueryTimeout(Math.max(budgetMs, 30_000));
  let done = 0;
  let left = 0;
  const failed: string[] = [];
  try {
    const wanted = (ops: Operation[]) => ops.filter((op) => !options.only || options.only(op.name));
    const todo = wanted(await openingOperations(patient));
    // The rest is listed while the opening operations run.
    let listing: Promise<unknown> | null = warmUpOperations(patient).then(
      (ops) => todo.push(...wanted(ops)),
      (err: unknown) => log.warn('warm-up could not list its operations', { error: err instanceof Error ? err.message : String(err) }),
    );
    const remaining = () => budgetMs - (Date.now() - started);
    const next = async (): Promise<Operation | undefined> => {
      if (todo.length === 0 && listing) {
        let timer: NodeJS.Timeout | undefined;
        const done = await Promise.race([listing.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), Math.max(0, remaining()))))]);
        clearTimeout(timer);
        if (done) listing = null;
      }
      return remaining() > 0 ? todo.shift() : undefined;
    };
    const worker = async () => {
      for (let op = await next(); op; op = await next()) {
        const res = await apollo
          .executeOperation({ query: op.query, variables: op.variables }, { contextValue: createContext(patient) })
          .catch((err: unknown) => ({ body: { kind: 'single', singleResult: { errors: [{ message: String(err) }] } } }));
        const errors = res.body.kind === 'single' ? res.body.singleResult.errors : undefined;
        // NOT_FOUND is expected of an example naming a node another database does not hold.
        const real = errors?.filter((e) => (e as { extensions?: { code?: string } }).extensions?.code !== 'NOT_FOUND') ?? [];
        if (real.length) {
          failed.push(op.name);
          log.warn('warm-up operation failed', { operation: op.name, error: real[0]?.message });
        } else done++;
      }
    };
    await Promise.all([worker(), worker()]);
    left = todo.length;
  } finally {
    await apollo.stop();
  }
  return { operations: done, failed, left, ms: Date.now() - started };
}

/**
 * The warm-up at start, within `waitMs` ("ready" waits for it: an operation under way when the time is up
 * finishes, none starts after). Nothing goes on after ready: on a busy machine a warm-up left running planned
 * alongside the first users' requests and made them time out. What it did not reach is planned by its first
 * user, as without it. 0 skips it.
 */
export async function warmUpUntil(db: Database, waitMs: number): Promise<void> {
  if (waitMs <= 0) return;
  await warmUpForUsers(db, { budgetMs: waitMs }).then(
    (report) => log.info('warm-up done', { operations: report.operations, failed: report.failed, left: report.left, ms: report.ms }),
    (err: unknown) => log.warn('warm-up failed', { error: err instanceof Error ? err.message : String(err) }),
  );
}
