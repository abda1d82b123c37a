import {
  hubPage,
  linksQuery,
  lookUpQuery,
  signaturesQuery,
  type CompiledLookUp,
  type Expansion,
  type LookUpRow,
  type LookUpShape,
  type NodeAsk,
  type NodeFields,
} from '../cypher';
import type { Database } from '../db/database';
import { NodeKindName, RELATIONSHIP_TYPE_NAMES, RelationshipTypeName } from '../model/model';
import type { LinkRow, NodeRow, RelationshipRow } from './rows';

export type { NodeFields } from '../cypher';

/**
 * When a field's first page is read from an index rather than from all its links: above `hubLinks` links along
 * the field (`$hubLinks`), walking at most `hubScan` entries of each far kind's index (`$hubScan`). Parameters,
 * so a test can send a small node down the hub's path, and make the walk fall short.
 */
export const lookUpTuning = { hubLinks: 500, hubScan: 2000 };


/** Which relationships of a node to follow. */
export interface LinkQuery {
  id: string;
  /** Relationship types; all when null. */
  types: readonly RelationshipTypeName[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  /** Kinds of the node at the other end; all when null. */
  kinds?: readonly NodeKindName[] | null;
  /** At most this many (after ordering by the other end's date, then name); all when null. */
  first?: number | null;
}

/** A stable cache key for a LinkQuery: DataLoader merges identical asks within a request. */
export function linkKey(q: LinkQuery): string {
  return JSON.stringify([q.id, q.types, q.direction, q.kinds ?? null, q.first ?? null]);
}

/** A link query to ask of a node, and the link queries to ask of every node it finds (the next level). */
export interface LinkPlan {
  query: Omit<LinkQuery, 'id'>;
  children: LinkPlan[];
  /** What the request asks of the nodes found (everything when null). */
  node: NodeFields | null;
  /** What it asks of a signature's organisation: nothing, everything (true), or these fields. */
  behalf: boolean | NodeFields;
  /** The fields asked of the sources of each relationship's evidence, or null when the evidence is not asked. */
  evidence?: readonly string[] | null;
  /** The field's name, when its `…Total` is asked too: the count comes in the same query (NodeRow.totals). */
  total?: string | null;
  /**
   * The request field this answers, by its place in the response (`organisation.agreements`): the rows
   * fetched are attached to their node under it (NodeRow.prefetched).
   */
  field: string;
  /**
   * Set for `Organisation.signatures` (signatures made on the node's behalf, found by SIGNED.onBehalfOf): what
   * is asked of each signature's agreement; `node` is then what is asked of its person.
   */
  signatures?: { agreement: NodeFields | null } | null;
}

/** What links.cypher (and a compiled look-up) reads of a query. */
const askOf = (q: LinkQuery) => ({
  key: linkKey(q),
  types: q.types ?? RELATIONSHIP_TYPE_NAMES,
  dir: q.direction,
  kinds: q.kinds ?? null,
  first: q.first ?? null,
});

const keyOf = (q: LinkQuery) => ({ ...askOf(q), id: q.id });

/** The expansions a set of asks needs (both directions for BOTH). */
function expansionsOf(asks: ReadonlyArray<{ types: readonly RelationshipTypeName[]; dir: string }>): Expansion[] {
  return asks.flatMap((a) =>
    a.types.flatMap((t): Expansion[] => (a.dir === 'OUT' ? [`${t}>`] : a.dir === 'IN' ? [`${t}<`] : [`${t}>`, `${t}<`])),
  );
}

/** links.cypher for these keys: the expansions they ask for. */
function queryFor(keys: ReadonlyArray<ReturnType<typeof keyOf>>): string {
  return linksQuery(expansionsOf(keys));
}

/** The links of many nodes in one round-trip, in the order of `queries`. */
export async function linksOf(db: Database, queries: readonly LinkQuery[]): Promise<LinkRow[][]> {
  if (queries.length === 0) return [];
  const keys = queries.map((q) => keyOf(q));
  const rows = await db.read<{ key: string; links: LinkRow[] }>(queryFor(keys), { keys });
  const byKey = new Map(rows.map((r) => [r.key, r.links]));
  return keys.map((k) => byKey.get(k.key) ?? []);
}

/** What of a plan is fixed in a compiled look-up's text (the rest travels as parameters). */
const shapeOf = (p: LinkPlan) => ({
  node: p.node,
  behalf: p.behalf,
  kinds: p.query.kinds != null,
  first: p.query.first != null,
  evidence: p.evidence ?? null,
  total: Boolean(p.total),
  signatures: p.signatures ?? null,
});

/**
 * A node, the links `plans` ask of it and the links their children ask of each node found, in one round-trip
 * (a query compiled for the plans' shape), or null when no node has the id. A field with more links than
 * `lookUpTuning.hubLinks` is left out of it and read from its far kinds' indexes by a second query, compiled
 * for the same shape, sent only then (a hub's). The node comes as `root` asks it (its fields, its evidence);
 * the links are attached to the node they start from, under the field each plan answers (NodeRow.prefetched),
 * because they hold only what that field asks of them.
 */
export async function nodeWithLinks(
  db: Database,
  id: string,
  plans: readonly LinkPlan[],
  root: NodeAsk,
  guard: NodeKindName | null = null,
): Promise<NodeRow | null> {
  const asks = plans.map((p) => ({ ...askOf({ ...p.query, id }), children: p.children.map((c) => askOf({ ...c.query, id: '' })) }));
  const shapes: LookUpShape[] = plans.map((p, i) => ({
    expansions: expansionsOf([asks[i]!]),
    children: p.children.map((c, j) => ({ ...shapeOf(c), expansions: expansionsOf([asks[i]!.children[j]!]), children: [] })),
    ...shapeOf(p),
  }));
  const params = { id, evidenceFirst: root.evidenceFirst ?? null, hubLinks: lookUpTuning.hubLinks, hubScan: lookUpTuning.hubScan };
  const plain = await readLookUp(db, lookUpQuery(shapes, root, guard), plans, { ...params, asks });
  if (!plain) return null;
  const { node, links, totals, hubs } = plain;
  // Planned for another kind than the node's (`node(id) { ... on Organisation { … } }` found a person): no
  // field of that kind is resolved on it, and nothing was read for them.
  if (guard && node.kind !== guard) return node;
  if (hubs.some(Boolean)) {
    // Every field an index can page, each read only if it is one of this node's hub fields: one text per shape.
    const indexed = shapes.flatMap((shape, i) => (hubPage(shape) ? [i] : []));
    const idOnly: NodeAsk = { properties: ['id'], degree: false, evidenceSource: null };
    const hub = await readLookUp(
      db,
      lookUpQuery(indexed.map((i) => ({ ...shapes[i]!, total: false })), idOnly, guard, 'hub'),
      indexed.map((i) => plans[i]!),
      { ...params, evidenceFirst: null, asks: indexed.map((i) => ({ ...asks[i]!, hub: hubs[i] === true })) },
    );
    indexed.forEach((i, j) => {
      if (hubs[i] && hub) links[i] = hub.links[j]!;
    });
  }
  node.prefetched = new Map(plans.map((plan, i) => [plan.field, links[i]!]));
  node.totals = new Map(plans.flatMap((p, i) => (p.total && totals[i] != null ? [[p.total, totals[i]!] as const] : [])));
  return node;
}

/** One compiled look-up's answer: the node as asked, each plan's links and total, and which fields are a hub's. */
async function readLookUp(
  db: Database,
  compiled: CompiledLookUp,
  plans: readonly LinkPlan[],
  params: Record<string, unknown>,
): Promise<{ node: NodeRow; links: LinkRow[][]; totals: Array<number | null>; hubs: boolean[] } | null> {
  const [row] = await db.read<LookUpRow>(compiled.text, params);
  const answer = compiled.read(row);
  if (!answer) return null;
  const links = plans.map((plan, i) =>
    (answer.links[i] ?? []).map(({ children, ...link }) => {
      if (!plan.signatures) link.node.prefetched = new Map(plan.children.map((child, j) => [child.field, children[j] ?? []]));
      return link;
    }),
  );
  return { node: answer.node, links, totals: answer.totals, hubs: answer.hubs };
}

/** Which signatures made on behalf of an organisation to read: at most `first` (all when null). */
export interface SignaturesQuery {
  id: string;
  first: number | null;
  /** Whether to read each signature's evidence with its sources in the same query. */
  evidence: boolean;
}

/** A page of signatures, and how many there are in all. */
export interface SignaturesPage {
  total: number;
  signatures: RelationshipRow[];
}

export const signaturesKey = (q: SignaturesQuery) => JSON.stringify([q.id, q.first, q.evidence]);

/**
 * Signatures made on behalf of each organisation with their total, in one round-trip per kind of ask (with or
 * without evidence), in the order of `queries`.
 */
export async function signaturesOnBehalfOf(db: Database, queries: readonly SignaturesQuery[]): Promise<SignaturesPage[]> {
  if (queries.length === 0) return [];
  const byKey = new Map<string, SignaturesPage>();
  for (const evidence of [false, true]) {
    const keys = queries.filter((q) => q.evidence === evidence).map((q) => ({ id: q.id, first: q.first }));
    if (keys.length === 0) continue;
    const rows = await db.read<{ id: string; first: number | null; total: number; signatures: Array<Pick<RelationshipRow, 'from' | 'to'> & { relationship: RelationshipRow }> }>(
      signaturesQuery(evidence),
      { keys },
    );
    for (const r of rows) {
      byKey.set(signaturesKey({ id: r.id, first: r.first, evidence }), {
        total: r.total,
        signatures: r.signatures.map((s) => ({ ...s.relationship, evidence: s.relationship.evidence ?? undefined, from: s.from, to: s.to })),
      });
    }
  }
  return queries.map((q) => byKey.get(signaturesKey(q)) ?? { total: 0, signatures: [] });
}
