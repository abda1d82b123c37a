import { cypher, pathsAllQuery } from '../cypher';
import { DatabaseError, type Database } from '../db/database';
import { relationshipIdParts } from '../model/identity';
import type { RelationshipTypeName } from '../model/model';
import type { NodeRow, PathRow, RelationshipRow } from './rows';

export interface PathArgs {
  from: string;
  to: string;
  maxLength: number;
  shortestOnly: boolean;
  hubLimit: number | null;
  types: readonly RelationshipTypeName[] | null;
  first: number;
  /** Most relationships the search may read before it gives up. */
  maxExpansions: number;
}

/** How a path search ended. */
export type PathOutcome = 'FOUND' | 'NO_PATH' | 'STOPPED_AT_LIMIT';

export interface PathSearchRow {
  paths: PathRow[];
  outcome: PathOutcome;
  /** Relationships read: the degrees of the nodes expanded. */
  expanded: number;
  /** Every path up to this many relationships was looked for. */
  searchedLength: number;
  message: string;
}

/**
 * How long the search for longer paths than the shortest (`shortestOnly: false`, Neo4j's `SHORTEST k`) may
 * run: it has no expansion bound of its own, so it gets a deadline, after which the shortest paths stand.
 */
const LONGER_PATHS_TIMEOUT_MS = 2_000;
/** Shortest paths put together from the search's meeting points before ordering them: enough for `first` ≤ 50. */
const MAX_ENUMERATED = 5_000;
/** When the search asks a level only for where it meets the other side (see `searchShortest`). */
export interface PathTuning {
  /**
   * A level costlier than this (the frontier's relationships) is first asked only for what meets the other
   * side. At 1M relationships the slowest searches ended on a level through a hub: Neo4j read its 20–30k
   * relationships in 20–60 ms, and sending them all, with their far ends' degrees, took 100–150 ms more.
   */
  meetingProbeAbove: number;
  /** Relationships read to check whether two given nodes are linked (from the end with fewer), about. */
  pairCost: number;
  /**
   * While both sides' next levels read at most this many relationships, both are read in one round-trip: the
   * first levels from two actors read a few dozen, and the round-trip costs more than reading them.
   */
  bothBelow: number;
}

const TUNING: PathTuning = { meetingProbeAbove: 2_000, pairCost: 8, bothBelow: 300 };

/** One way back from a node towards the end its side started from. */
interface Step {
  node: string;
  relationship: string;
}

/** One side of the search: nodes reached from one end, with their distance and every way back at that distance. */
class Side {
  readonly distance = new Map<string, number>();
  readonly back = new Map<string, Step[]>();
  frontier: string[];
  /** Relationships of the frontier's nodes (their degrees' sum): what expanding it next would read, at most. */
  cost: number;
  depth = 0;

  constructor(readonly origin: string, degree: number) {
    this.distance.set(origin, 0);
    this.frontier = [origin];
    this.cost = degree;
  }

  /** Takes a level read from the frontier: its new nodes become the frontier. */
  advance(level: Level): void {
    this.depth += 1;
    for (const [far, steps] of level.steps) {
      if (!this.distance.has(far)) this.distance.set(far, this.depth);
      this.back.set(far, [...(this.back.get(far) ?? []), ...steps]);
    }
    this.frontier = [...level.next.keys()];
    this.cost = [...level.next.values()].reduce((a, b) => a + b, 0);
  }

  /** Node sequences (with relationships) from `node` back to this side's origin, at most `limit`. */
  waysBack(node: string, limit: number): Array<{ nodes: string[]; relationships: string[] }> {
    if (node === this.origin) return [{ nodes: [node], relationships: [] }];
    const out: Array<{ nodes: string[]; relationships: string[] }> = [];
    for (const step of this.back.get(node) ?? []) {
      for (const rest of this.waysBack(step.node, limit - out.length)) {
        out.push({ nodes: [node, ...rest.nodes], relationships: [step.relationship, ...rest.relationships] });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

/** One level read from a side's frontier: the ways back to it of the nodes it reached, the new ones with their degrees. */
interface Level {
  /** Its distance from the side's origin. */
  depth: number;
  steps: Map<string, Step[]>;
  /** Nodes reached for the first time, with their degrees: the next frontier. */
  next: Map<string, number>;
  /** The level held more relationships than the budget left: only the budget's worth were read. */
  truncated: boolean;
}

/**
 * The relationships one level reached, as ways back from the nodes at their far ends. Nodes this side reached
 * at a smaller distance are not gone back to, and hubs are not crossed when asked (the ends always may be).
 */
function readLevel(side: Side, expansion: { ids: string[]; degrees: number[] }, budget: number, hubLimit: number | null, ends: ReadonlySet<string>): Level {
  const level = side.depth + 1;
  const onFrontier = new Set(side.frontier);
  const steps = new Map<string, Step[]>();
  const next = new Map<string, number>();
  const read = Math.min(expansion.ids.length, budget);
  for (let i = 0; i < read; i++) {
    const id = expansion.ids[i]!;
    const degree = expansion.degrees[i]!;
    const { fromId, toId } = relationshipIdParts(id);
    if (onFrontier.has(fromId) && onFrontier.has(toId)) continue;
    const [near, far] = onFrontier.has(fromId) ? [fromId, toId] : [toId, fromId];
    const known = side.distance.get(far);
    if (known !== undefined && known < level) continue;
    if (hubLimit !== null && degree > hubLimit && !ends.has(far)) continue;
    if (known === undefined) next.set(far, degree);
    steps.set(far, [...(steps.get(far) ?? []), { node: near, relationship: id }]);
  }
  return { depth: level, steps, next, truncated: expansion.ids.length > budget };
}

/** The nodes where a level meets the other side nearest to its origin, and the length of the paths through them. */
function meetingsOf(level: Level, other: Side): { nodes: string[]; length: number } {
  let length = Infinity;
  const nodes: string[] = [];
  for (const node of level.next.keys()) {
    const there = other.distance.get(node);
    if (there === undefined) continue;
    if (level.depth + there < length) {
      length = level.depth + there;
      nodes.length = 0;
    }
    if (level.depth + there === length) nodes.push(node);
  }
  return { nodes, length };
}

/**
 * The shortest paths between two nodes by a breadth-first search from both ends at once, run here one level
 * at a time (one query per level: cypher/path-expand.cypher), always on the side whose next level reads
 * fewer relationships. Neo4j's own shortest-path search has no bound on the work it does: between two
 * actors with no short path through a graph of hubs it ran for half a minute (1M relationships: p95 28 s).
 * This one stops at `maxLength` hops or after reading `maxExpansions` relationships, and says which.
 */
async function searchShortest(db: Database, args: PathArgs, ends: PathEnds, tuning: PathTuning): Promise<PathSearchRow & { found: Array<{ nodes: string[]; relationships: string[] }> }> {
  const forward = new Side(args.from, ends.get(args.from)?.degree ?? 0);
  const backward = new Side(args.to, ends.get(args.to)?.degree ?? 0);
  const tips = new Set([args.from, args.to]);
  let expanded = 0;
  const result = (outcome: PathOutcome, message: string, found: Array<{ nodes: string[]; relationships: string[] }> = []) => ({
    paths: [],
    outcome,
    expanded,
    searchedLength: forward.depth + backward.depth,
    message,
    found,
  });

  while (forward.depth + backward.depth < args.maxLength) {
    if (forward.frontier.length === 0 || backward.frontier.length === 0) {
      return result('NO_PATH', `no path: every node connected to ${forward.frontier.length === 0 ? args.from : args.to} was reached`);
    }
    const budget = args.maxExpansions - expanded;
    // Both sides' next levels in one round-trip while both are small (see tuning.bothBelow).
    if (forward.depth + backward.depth + 2 <= args.maxLength && Math.max(forward.cost, backward.cost) <= tuning.bothBelow && forward.cost + backward.cost <= budget) {
      // The ends' own levels came with their degrees (pathEnds) when they are small.
      const first = forward.depth === 0 && backward.depth === 0 ? [ends.get(args.from)?.level, ends.get(args.to)?.level] : [];
      const [row] =
        first[0] && first[1]
          ? [{ forwardIds: first[0].ids, forwardDegrees: first[0].degrees, backwardIds: first[1].ids, backwardDegrees: first[1].degrees }]
          : await db.read<{ forwardIds: string[]; forwardDegrees: number[]; backwardIds: string[]; backwardDegrees: number[] }>(cypher('path-expand-both'), {
              forward: forward.frontier,
              backward: backward.frontier,
              types: args.types,
            });
      const ahead = readLevel(forward, { ids: row?.forwardIds ?? [], degrees: row?.forwardDegrees ?? [] }, budget, args.hubLimit, tips);
      const behind = readLevel(backward, { ids: row?.backwardIds ?? [], degrees: row?.backwardDegrees ?? [] }, budget, args.hubLimit, tips);
      expanded += forward.cost + backward.cost;
      forward.advance(ahead);
      backward.advance(behind);
      // Every path of the lengths these two levels can close passes through one node of the forward level.
      const meetings = meetingsOf(ahead, backward);
      if (meetings.nodes.length > 0) {
        // The two levels may have closed a path one hop shorter than both together reach.
        return { ...result('FOUND', `shortest paths have ${meetings.length} relationships`, joinAt(meetings.nodes, forward, backward)), searchedLength: meetings.length };
      }
      continue;
    }
    const [side, other] = forward.cost <= backward.cost ? [forward, backward] : [backward, forward];
    // The frontier's degrees are what Neo4j reads to expand it, whatever the types asked (it filters them
    // as it reads): a level that does not fit the budget is not started (a hub's 40k relationships cost more
    // than most whole searches).
    if (side.cost > budget) return stopped();
    const last = side.depth + other.depth + 1 === args.maxLength;
    const expand = (targets: string[] | null) => {
      // Pair by pair costs a few relationships per pair: cheaper than reading the frontier's when few pairs.
      const text = targets && side.frontier.length * targets.length * tuning.pairCost < side.cost ? 'path-meet' : 'path-expand';
      return db.read<{ ids: string[]; degrees: number[] }>(cypher(text), { frontier: side.frontier, types: args.types, targets, limit: budget + 1 }).then(([row]) => row ?? { ids: [], degrees: [] });
    };

    // A path can only meet the other side on its frontier (its inner nodes' neighbours are all known to it).
    // Before reading a level whole, the search asks Neo4j for the relationships that reach that frontier:
    // on the last level the bound allows, they are all that matter; on a costly level (a hub), they are the
    // answer when there are any, and reading (and sending) the hub's 40k relationships is skipped.
    let level: Level | null = null;
    if (last || side.cost > tuning.meetingProbeAbove) {
      const probe = readLevel(side, await expand(other.frontier), budget, args.hubLimit, tips);
      if (last || meetingsOf(probe, other).nodes.length > 0) level = probe;
    }
    level ??= readLevel(side, await expand(null), budget, args.hubLimit, tips);
    expanded += side.cost;
    side.advance(level);

    const meetings = meetingsOf(level, other);
    if (meetings.nodes.length > 0) {
      const found = joinAt(meetings.nodes, forward, backward);
      if (level.truncated) return result('STOPPED_AT_LIMIT', `stopped after reading ${expanded} relationships (maxExpansions): a shorter path may exist than the ${meetings.length}-hop one found`, found);
      return result('FOUND', `shortest paths have ${meetings.length} relationships`, found);
    }
    if (level.truncated) return stopped();
  }
  return result('NO_PATH', `no path within ${args.maxLength} relationships`);

  function stopped() {
    return result(
      'STOPPED_AT_LIMIT',
      `search stopped at the limit of ${args.maxExpansions} relationships read (maxExpansions), having looked for paths up to ${forward.depth + backward.depth} relationships; exclude hubs (excludeHubsAbove) or follow fewer types to search further`,
    );
  }
}

/** The shortest paths through the meeting points: each the way from `from` to the point, then on to `to`. */
function joinAt(meetings: readonly string[], forward: Side, backward: Side): Array<{ nodes: string[]; relationships: string[] }> {
  const out: Array<{ nodes: string[]; relationships: string[] }> = [];
  for (const node of meetings) {
    for (const head of forward.waysBack(node, MAX_ENUMERATED - out.length)) {
      for (const tail of backward.waysBack(node, MAX_ENUMERATED - out.length)) {
        out.push({ nodes: [...head.nodes.slice().reverse(), ...tail.nodes.slice(1)], relationships: [...head.relationships.slice().reverse(), ...tail.relationships] });
        if (out.length >= MAX_ENUMERATED) return sortPaths(out);
      }
    }
  }
  return sortPaths(out);
}

/** The order the API promises: shortest first, then by the nodes' ids along the path, then the relationships'. */
function sortPaths<T extends { nodes: string[]; relationships: string[] }>(paths: T[]): T[] {
  const key = (p: T) => `${String(p.nodes.length).padStart(3, '0')} ${p.nodes.join(' ')} ${p.relationships.join(' ')}`;
  return paths.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The paths' nodes and relationships, read in one query and put back in path order. */
async function materialise(db: Database, found: ReadonlyArray<{ nodes: string[]; relationships: string[] }>): Promise<PathRow[]> {
  if (found.length === 0) return [];
  const nodeIds = [...new Set(found.flatMap((p) => p.nodes))];
  const steps = [...new Set(found.flatMap((p) => p.relationships))].map((id) => {
    const { fromId, toId } = relationshipIdParts(id);
    return { id, from: fromId, to: toId };
  });
  const [row] = await db.read<{ nodes: NodeRow[]; relationships: RelationshipRow[] }>(cypher('path-elements'), { nodeIds, steps });
  const nodes = new Map((row?.nodes ?? []).map((n) => [n.id, n]));
  const relationships = new Map((row?.relationships ?? []).map((r) => [r.id, r]));
  return found.map((p) => ({
    length: p.relationships.length,
    nodes: p.nodes.map((id) => nodes.get(id)!),
    relationships: p.relationships.map((id) => {
      const r = relationships.get(id)!;
      return { ...r, from: nodes.get(r.fromId), to: nodes.get(r.toId) };
    }),
  }));
}

/**
 * How two nodes are connected, and how the search ended. The shortest paths come from the bounded search
 * above; longer ones (`shortestOnly: false`) from Neo4j's `SHORTEST k` (cypher/paths-all.cypher) under a
 * deadline, once the bounded search has shown that a path exists at all.
 */
export async function pathSearch(db: Database, args: PathArgs, ends: PathEnds, tuning: PathTuning = TUNING): Promise<PathSearchRow> {
  if (args.from === args.to) return { paths: [], outcome: 'NO_PATH', expanded: 0, searchedLength: 0, message: 'from and to are the same node' };
  const search = await searchShortest(db, args, ends, tuning);
  const { found, ...summary } = search;
  if (args.shortestOnly || search.outcome !== 'FOUND' || found.length >= args.first) {
    return { ...summary, paths: await materialise(db, found.slice(0, args.first)) };
  }
  try {
    const rows = await db.read<{ nodes: NodeRow[]; relationships: RelationshipRow[] }>(
      pathsAllQuery(args.maxLength, args.first),
      { from: args.from, to: args.to, hubLimit: args.hubLimit, types: args.types, first: args.first },
      { timeoutMs: LONGER_PATHS_TIMEOUT_MS },
    );
    return { ...summary, paths: rows.map(pathRow), message: `${summary.message}; ${rows.length} paths up to ${args.maxLength} relationships` };
  } catch (err) {
    if (!(err instanceof DatabaseError) || err.code !== 'TIMEOUT') throw err;
    return {
      ...summary,
      outcome: 'STOPPED_AT_LIMIT',
      paths: await materialise(db, found.slice(0, args.first)),
      message: `${summary.message}; the search for longer ones stopped after ${LONGER_PATHS_TIMEOUT_MS / 1000} s: only the shortest are given`,
    };
  }
}

/** Each end of a search that exists (the caller says which is unknown): its degree, and its first level when small. */
export type PathEnds = ReadonlyMap<string, PathEnd>;

export interface PathEnd {
  degree: number;
  /** The end's relationships (of the types searched), read with it when it has few: the search's first level. */
  level: { ids: string[]; degrees: number[] } | null;
}

export async function pathEnds(db: Database, from: string, to: string, types: readonly RelationshipTypeName[] | null, tuning: PathTuning = TUNING): Promise<PathEnds> {
  const rows = await db.read<{ id: string; degree: number; expanded: boolean; ids: string[]; degrees: number[] }>(cypher('path-ends'), {
    ids: [from, to],
    types,
    expandBelow: tuning.bothBelow,
  });
  return new Map(rows.map((r) => [r.id, { degree: r.degree, level: r.expanded ? { ids: r.ids, degrees: r.degrees } : null }]));
}

function pathRow(row: { nodes: NodeRow[]; relationships: RelationshipRow[] }): PathRow {
  const byId = new Map(row.nodes.map((n) => [n.id, n]));
  return {
    length: row.relationships.length,
    nodes: row.nodes,
    relationships: row.relationships.map((r) => ({ ...r, from: byId.get(r.fromId), to: byId.get(r.toId) })),
  };
}
