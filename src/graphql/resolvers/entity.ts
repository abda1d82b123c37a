import type { GraphQLResolveInfo } from 'graphql';
import type { NodeKindName, RelationshipTypeName } from '../../model/model';
import type { LinkRow, NodeRow, RelationshipRow } from '../../store/rows';
import { precisionOf } from '../../store/rows';
import { intInRange, nonEmptyOrNull } from '../arguments';
import type { Context } from '../context';
import { nodeEvidence } from './Evidence';
import { identityFields } from './duplicates';
import { responsePath } from '../selection';

/**
 * What every kind of node resolves the same way, and the one helper through which relationship fields reach
 * the per-request link loader (so all of a level's relationship fields share one round-trip).
 */

/** What a look-up fetched for this field of node `n` (src/graphql/prefetch.ts), found by the field's place in the response. */
export const prefetchedFor = (n: NodeRow, info: GraphQLResolveInfo | null) => (n.prefetched && info ? n.prefetched.get(responsePath(info.path)) : undefined);

/**
 * The links of node `n`: relationships of `types` in `direction`, to nodes of `kinds` (all when omitted). A
 * look-up may have fetched them already for this very field of this very node (`n.prefetched`, keyed by the
 * field's place in the response, see src/graphql/prefetch.ts); otherwise the request's loader asks for them.
 */
export function linksOf(
  ctx: Context,
  n: NodeRow,
  types: readonly RelationshipTypeName[] | null,
  direction: 'OUT' | 'IN' | 'BOTH',
  kinds: readonly NodeKindName[] | null = null,
  first: number | null = null,
  info: GraphQLResolveInfo | null = null,
): LinkRow[] | Promise<LinkRow[]> {
  // The far node holds what the field asks of it, whichever way it is reached (src/graphql/prefetch.ts);
  // a partial `n` holds what its own field asked, so as an end it is read again by id.
  const self = n.partial ? undefined : n;
  const withEnds = (links: LinkRow[]) =>
    links.map((l) => ({
      ...l,
      relationship: { ...l.relationship, from: l.direction === 'OUT' ? self : l.node, to: l.direction === 'OUT' ? l.node : self },
    }));
  // Prefetched links are answered without a promise: graphql-js then resolves the level synchronously.
  const prefetched = prefetchedFor(n, info);
  return prefetched ? withEnds(prefetched) : ctx.loaders.links.load({ id: n.id, types, direction, kinds, first }).then(withEnds);
}

/** The relationship rows of `linksOf` (for PartyRole, Signature, Role: both ends are known). */
export function relationshipsOf(
  ctx: Context,
  n: NodeRow,
  types: readonly RelationshipTypeName[] | null,
  direction: 'OUT' | 'IN' | 'BOTH',
  first: number | null = null,
  info: GraphQLResolveInfo | null = null,
): RelationshipRow[] | Promise<RelationshipRow[]> {
  return then(linksOf(ctx, n, types, direction, null, first, info), (links) => links.map((l) => l.relationship));
}

/** `f` of a value or of a promise of it, staying synchronous when it can. */
function then<T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** The optional `first` of relationship list fields: hubs can have thousands. */
export function atMost(first: number | null | undefined): number | null {
  return first === null || first === undefined ? null : intInRange(first, 'first', 1, 1000, 1000);
}

/** The first link, for single-valued fields such as `Programme.agreement`. */
export function firstLink(
  ctx: Context,
  n: NodeRow,
  types: readonly RelationshipTypeName[],
  direction: 'OUT' | 'IN',
  kinds: readonly NodeKindName[] | null = null,
  info: GraphQLResolveInfo | null = null,
): LinkRow | null | Promise<LinkRow | null> {
  return then(linksOf(ctx, n, types, direction, kinds, null, info), (links) => links[0] ?? null);
}

interface RelationshipsArgs {
  types?: RelationshipTypeName[] | null;
  direction?: 'OUT' | 'IN' | 'BOTH' | null;
  first?: number | null;
}

/** Fields every node kind resolves alike; spread into each kind's resolvers. */
export const entityFields = {
  kind: (n: NodeRow) => n.kind,
  // `label` is set by queries that read only the label of nodes of any kind (src/cypher/projection.ts, nodeList).
  label: (n: NodeRow) => n.label ?? n.name ?? n.title ?? n.id,
  aliases: (n: NodeRow) => n.aliases ?? [],
  degree: (n: NodeRow) => n.degree ?? 0,
  // A look-up asked for one page reads that page (src/graphql/asked.ts); cut here whatever was read.
  evidence: (n: NodeRow, args: { first?: number | null }, ctx: Context) => {
    const first = atMost(args.first);
    return then(nodeEvidence(n, ctx), (quotes) => (first === null ? quotes : quotes.slice(0, first)));
  },
  // Counted with the node when the look-up read it; otherwise the quotes are read to be counted.
  evidenceTotal: (n: NodeRow, _a: unknown, ctx: Context) =>
    n.evidenceTotal ?? ctx.loaders.evidence.load({ id: n.id }).then((quotes) => quotes.length),
  relationships: async (n: NodeRow, args: RelationshipsArgs, ctx: Context) => {
    const first = intInRange(args.first, 'first', 1, 200, 50);
    const types = nonEmptyOrNull(args.types, 'types');
    return relationshipsOf(ctx, n, types, args.direction ?? 'BOTH', first);
  },
  // Merges (src/merges/): the ids merged into this node.
  ...identityFields,
};

/** For kinds with a partial date. */
export const datedFields = {
  datePrecision: (n: NodeRow) => precisionOf(n.date),
};

/**
 * What a relationship field follows, kept on the field's definition (`extensions.links`): root look-ups read
 * it to fetch the fields a request selects on the node in the same round-trip as the node (src/graphql/prefetch.ts).
 */
export interface LinkFieldSpec {
  types: RelationshipTypeName[];
  direction: 'OUT' | 'IN';
  kinds: NodeKindName[] | null;
  /** Whether the field takes `first` (hubs can have thousands): every list does, single-valued fields do not. */
  paged: boolean;
  /** The field of each item that holds the node at the other end (`node` for …Link, `agreement` …). */
  farEnd: string;
}

interface LinkFieldOptions {
  kinds?: NodeKindName[];
  paged?: boolean;
}

function specOf(types: RelationshipTypeName[], direction: 'OUT' | 'IN', options: LinkFieldOptions, farEnd: string): LinkFieldSpec {
  return { types, direction, kinds: options.kinds ?? null, paged: options.paged ?? true, farEnd };
}

const firstOf = (spec: LinkFieldSpec, args: { first?: number | null }) => (spec.paged ? atMost(args.first) : null);

/**
 * A field listing the relationships themselves (PartyRole, Signature, Role: both ends are nodes of interest);
 * `farEnd` names the item's field holding the node at the other end.
 */
export function relationshipsField(types: RelationshipTypeName[], direction: 'OUT' | 'IN', farEnd: string, options: LinkFieldOptions = {}) {
  const spec = specOf(types, direction, options, farEnd);
  return {
    extensions: { links: spec },
    resolve: (n: NodeRow, args: { first?: number | null }, ctx: Context, info: GraphQLResolveInfo) =>
      relationshipsOf(ctx, n, types, direction, firstOf(spec, args), info),
  };
}

/** A field listing the nodes at the other end, each with its relationship (…Link). */
export function linksField(types: RelationshipTypeName[], direction: 'OUT' | 'IN', options: LinkFieldOptions = {}) {
  const spec = specOf(types, direction, options, 'node');
  return {
    extensions: { links: spec },
    resolve: (n: NodeRow, args: { first?: number | null }, ctx: Context, info: GraphQLResolveInfo) =>
      linksOf(ctx, n, types, direction, spec.kinds, firstOf(spec, args), info),
  };
}

/** A single-valued link field such as `Programme.agreement`. */
export function firstLinkField(types: RelationshipTypeName[], direction: 'OUT' | 'IN', options: LinkFieldOptions = {}) {
  const spec = specOf(types, direction, { ...options, paged: false }, 'node');
  return {
    extensions: { links: spec },
    resolve: (n: NodeRow, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      firstLink(ctx, n, types, direction, spec.kinds, info),
  };
}
