import { cypher } from '../cypher';
import type { Database } from '../db/database';
import type { NodeKindName } from '../model/model';
import { blockingKeys, nameReasons, type Reason } from './names';

/**
 * Duplicate candidates: pairs of nodes of one kind that may be the same actor, best first.
 *
 * Blocking, not all pairs: the names and aliases of the kinds asked are read once (a label scan each,
 * cypher/duplicate-names.cypher), each name gives a few folded keys (src/merges/names.ts), and only nodes
 * sharing a key are compared. A key held by more than MAX_BLOCK nodes says nothing (a common surname) and is
 * skipped, so the work stays linear in the number of names. The pairs that name rules retain are then
 * scored on their neighbourhoods in one batched query (shared neighbours, the same role in the same
 * agreement). Pairs judged already (any verdict, not undone) are left out. Computed per request: nothing is
 * stored on the nodes, so imports and read queries are untouched.
 */

const MAX_BLOCK = 40;
/** Pairs whose neighbourhoods are compared: the best by name (more would only add weak candidates). */
const MAX_SCORED = 5000;

export interface CandidateRow {
  id: string;
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
}

interface NameRow {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

export async function duplicateCandidates(
  db: Database,
  kinds: readonly NodeKindName[],
  node: string | null,
  timings?: Record<string, number>,
): Promise<CandidateRow[]> {
  let t = performance.now();
  const lap = (name: string) => {
    if (timings) timings[name] = (timings[name] ?? 0) + performance.now() - t;
    t = performance.now();
  };
  const [names, judged] = await Promise.all([
    db.read<NameRow>(cypher('duplicate-names'), { kinds }),
    db.read<{ pair: string }>(cypher('judgement-pairs')),
  ]);
  lap('readNames');
  const done = new Set(judged.map((j) => j.pair));
  const byId = new Map(names.map((n) => [n.id, n]));
  const blocks = new Map<string, string[]>();
  for (const n of names) {
    const keys = new Set([n.name, ...n.aliases].flatMap(blockingKeys));
    for (const key of keys) {
      const k = `${n.kind}|${key}`;
      const block = blocks.get(k);
      if (block) block.push(n.id);
      else blocks.set(k, [n.id]);
    }
  }
  const seen = new Set<string>();
  const byName: CandidateRow[] = [];
  const compare = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    if (a === b || (node && a !== node && b !== node)) return;
    const key = pairKey(a, b);
    if (seen.has(key) || done.has(key)) return;
    seen.add(key);
    const reasons = nameReasons(byId.get(a)!, byId.get(b)!);
    if (reasons.length) byName.push({ id: key, a, b, score: 0, reasons });
  };
  for (const [key, ids] of blocks) {
    if (key.endsWith('#long')) continue;
    if (key.endsWith('#short')) {
      // A short form (an initial, an acronym) against the long forms sharing its key, and other short forms.
      const long = blocks.get(`${key.slice(0, -'#short'.length)}#long`) ?? [];
      if (ids.length * (long.length + ids.length) > MAX_BLOCK * MAX_BLOCK) continue;
      for (let i = 0; i < ids.length; i++) {
        for (const other of long) compare(ids[i]!, other);
        for (let j = i + 1; j < ids.length; j++) compare(ids[i]!, ids[j]!);
      }
      continue;
    }
    if (ids.length < 2 || ids.length > MAX_BLOCK) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) compare(ids[i]!, ids[j]!);
  }
  byName.sort((x, y) => y.reasons[0]!.weight - x.reasons[0]!.weight || x.id.localeCompare(y.id));
  const scored = byName.slice(0, MAX_SCORED);
  lap('blockAndCompare');
  if (timings) timings.pairsCompared = (timings.pairsCompared ?? 0) + seen.size;
  const signals = scored.length
    ? await db.read<{ a: string; b: string; sharedCount: number; shared: string[]; sameRole: string[] }>(cypher('duplicate-signals'), {
        pairs: scored.map((c) => [c.a, c.b]),
      })
    : [];
  lap('neighbourhoods');
  const signalOf = new Map(signals.map((s) => [pairKey(s.a, s.b), s]));
  for (const c of scored) {
    const s = signalOf.get(c.id);
    if (s && s.sharedCount > 0) {
      const more = s.sharedCount > s.shared.length ? ` and ${s.sharedCount - s.shared.length} more` : '';
      c.reasons.push({
        code: 'SHARED_NEIGHBOURS',
        detail: `both are related to ${s.shared.map((l) => `"${l}"`).join(', ')}${more}`,
        weight: Math.min(0.3, 0.1 * s.sharedCount),
      });
    }
    if (s && s.sameRole.length) c.reasons.push({ code: 'SAME_ROLE_IN_AGREEMENT', detail: `both ${s.sameRole.join('; ')}`, weight: 0.2 });
    c.reasons.sort((x, y) => y.weight - x.weight);
    // The strongest name reason, raised by each further one, never past 1.
    const [best, ...rest] = c.reasons;
    c.score = Math.round(Math.min(1, best!.weight + rest.reduce((sum, r) => sum + r.weight * 0.25, 0)) * 1000) / 1000;
  }
  return scored.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}
