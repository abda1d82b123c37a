import type { GraphQLResolveInfo } from 'graphql';
import type { NodeKindName } from '../../model/model';
import { listNodes, type ListArgs } from '../../store/lists';
import type { ListKind } from '../../store/lists';
import { connection, decodeCursor, type ConnectionRow } from '../connections';
import { MAX_SEARCH_TEXT } from '../../store/lucene';
import { neighbourhood } from '../../store/neighbourhood';
import { missingIds } from '../../store/nodes';
import { commonPartners } from '../../store/partners';
import { pathEnds, pathSearch, type PathArgs, type PathEnds } from '../../store/paths';
import { timeline } from '../../store/timeline';
import type { NodeRow } from '../../store/rows';
import { searchNodes } from '../../store/search';
import { searchPassages } from '../../store/passages';
import { listFigures, listStatements } from '../../store/statements';
import { graphStats } from '../../store/stats';
import { idArg, intInRange, nonEmptyOrNull, optionalId, optionalIntAtLeast, pageSize, textArg } from '../arguments';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import type { QueryPathsArgs, QueryResolvers } from '../generated/types';
import { neighbourhoodAsked, nodeAsk, passageAsked } from '../asked';
import { lookUpAnyKind, lookUpWithLinks } from '../prefetch';
import { canonicalIdOf } from './duplicates';
import { resolveIds } from '../../merges/redirects';

/** The node loader for a root look-up: the fields selected, with the evidence in the same round-trip when selected. */
function nodeLoader(ctx: Context, info: GraphQLResolveInfo) {
  return ctx.loaders.asked(nodeAsk(info));
}

/**
 * One node of a given kind, with the relationship fields selected on it in the same round-trip; NOT_FOUND
 * naming the id (also when the id is another kind's).
 */
async function nodeOfKind(ctx: Context, info: GraphQLResolveInfo, id: string, kind: NodeKindName): Promise<NodeRow> {
  let node = await lookUpWithLinks(ctx, info, idArg(id, 'id'), kind);
  // An id merged into another node answers with that node (src/merges/).
  const canonical = node ? null : await canonicalIdOf(ctx, id);
  if (canonical) node = await lookUpWithLinks(ctx, info, canonical, kind);
  if (!node || node.kind !== kind) throw notFound(kind.toLowerCase(), id);
  return node;
}

/** The offset an `after` cursor stands for; BAD_USER_INPUT when it is not one of ours. */
function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const offset = decodeCursor(after);
  if (offset === null) throw badInput('after must be a cursor returned by this API (an edge cursor or pageInfo.endCursor)', 'after');
  return offset;
}

/** A page of a list as a connection: the store reads the page and the total, cursors are the API's. */
async function list(db: Context['db'], kind: ListKind, args: ListArgs): Promise<ConnectionRow> {
  return connection(await listNodes(db, kind, args), args.skip, args.first);
}

/** The list filter with its text checked; null fields are dropped by the store. */
function checkedFilter(filter: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const f = { ...(filter ?? {}) };
  if (typeof f.text === 'string') textArg(f.text, 'filter.text', MAX_SEARCH_TEXT);
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'string' && k !== 'text' && k !== 'dateFrom' && k !== 'dateTo') idArg(v, `filter.${k}`);
    if (Array.isArray(v)) nonEmptyOrNull(v, `filter.${k}`);
  }
  return f;
}

/**
 * The nodes `ids` name, as the ids to read them by: an id merged into another node stands for that node
 * (src/merges/); NOT_FOUND for the first that names no node (an unknown id is a mistake, not an empty answer).
 */
async function requireNodes(ctx: Context, ids: Array<[string, string]>): Promise<string[]> {
  const missing = await missingIds(ctx.db, ids.map(([, id]) => id));
  const canonical = missing.length > 0 ? await resolveIds(ctx.db, missing) : new Map<string, string>();
  const first = ids.find(([, id]) => missing.includes(id) && (canonical.get(id) ?? id) === id);
  if (first) throw notFound('node', first[1]);
  return ids.map(([, id]) => canonical.get(id) ?? id);
}

async function requireNode(ctx: Context, argument: string, id: string): Promise<string> {
  const [canonical] = await requireNodes(ctx, [[argument, id]]);
  return canonical!;
}

/** The kinds the timeline reads, each by its date index (cypher/timeline.cypher). */
const TIMELINE_KINDS: readonly string[] = ['Agreement', 'Event', 'Programme', 'Statement', 'Figure'];

export const Query: QueryResolvers = {
  stats: (_parent, _args, { db }) => graphStats(db),

  // With one kind's relationship fields selected (`… on Organisation { agreements(first: 10) … }`, the
  // explorer's details), one query compiled for that kind (src/graphql/prefetch.ts).
  node: async (_p, { id }, ctx, info) => {
    const node = await lookUpAnyKind(ctx, info, idArg(id, 'id'));
    // An id merged into another node answers with that node (src/merges/).
    const canonical = node ? null : await canonicalIdOf(ctx, id);
    return canonical ? lookUpAnyKind(ctx, info, canonical) : node;
  },
  nodes: async (_p, { ids }, ctx, info) => {
    if (ids.length > 100) throw badInput(`ids may list at most 100 ids, got ${ids.length}`, 'ids');
    const loader = nodeLoader(ctx, info);
    const nodes = (await loader.loadMany(ids.map((id) => idArg(id, 'ids')))) as Array<NodeRow | null>;
    const missing = ids.filter((_id, i) => !nodes[i]);
    if (!missing.length) return nodes;
    const canonical = await resolveIds(ctx.db, missing);
    return Promise.all(nodes.map((n, i) => n ?? (canonical.get(ids[i]!) !== ids[i] ? loader.load(canonical.get(ids[i]!)!) : null)));
  },
  organisation: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Organisation'),
  person: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Person'),
  agreement: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Agreement'),
  programme: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Programme'),
  source: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Source'),
  statement: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Statement'),
  figure: (_p, { id }, ctx, info) => nodeOfKind(ctx, info, id, 'Figure'),

  statements: async (_p, { filter, first }, ctx) => {
    const f = filter ?? {};
    if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo + '~') throw badInput(`dateFrom (${f.dateFrom}) is after dateTo (${f.dateTo})`, 'filter.dateFrom');
    let speaker = optionalId(f.speaker, 'filter.speaker');
    let subject = optionalId(f.subject, 'filter.subject');
    if (speaker) speaker = await requireNode(ctx, 'speaker', speaker);
    if (subject) subject = await requireNode(ctx, 'subject', subject);
    return listStatements(ctx.db, {
      speaker,
      subject,
      from: f.dateFrom ?? null,
      to: f.dateTo ?? null,
      mode: f.mode ?? null,
      first: intInRange(first, 'first', 1, 100, 50),
    });
  },
  figures: async (_p, { filter, first }, ctx) => {
    const f = filter ?? {};
    let about = optionalId(f.about, 'filter.about');
    if (about) about = await requireNode(ctx, 'about', about);
    return listFigures(ctx.db, {
      about,
      unit: f.unit === null || f.unit === undefined ? null : textArg(f.unit, 'filter.unit', 100),
      status: f.status ?? null,
      first: intInRange(first, 'first', 1, 100, 50),
    });
  },

  organisations: (_p, args, { db }) =>
    list(db, 'Organisation', { filter: checkedFilter(args.filter), order: args.orderBy ?? 'NAME_ASC', first: pageSize(args.first), skip: offsetAfter(args.after) }),
  people: (_p, args, { db }) =>
    list(db, 'Person', { filter: checkedFilter(args.filter), order: args.orderBy ?? 'NAME_ASC', first: pageSize(args.first), skip: offsetAfter(args.after) }),
  agreements: (_p, args, { db }) =>
    list(db, 'Agreement', { filter: checkedFilter(args.filter), order: args.orderBy ?? 'DATE_ASC', first: pageSize(args.first), skip: offsetAfter(args.after) }),
  programmes: (_p, args, { db }) =>
    list(db, 'Programme', { filter: checkedFilter(args.filter), order: args.orderBy ?? 'NAME_ASC', first: pageSize(args.first), skip: offsetAfter(args.after) }),

  passages: (_p, { text, sources, kinds, first }, { db }, info) =>
    searchPassages(
      db,
      {
        text: textArg(text, 'text', MAX_SEARCH_TEXT),
        sources: nonEmptyOrNull(sources, 'sources')?.map((id) => idArg(id, 'sources')) ?? null,
        kinds: nonEmptyOrNull(kinds, 'kinds'),
        first: intInRange(first, 'first', 1, 50, 10),
      },
      passageAsked(info),
    ),

  search: (_p, { text, kinds, first }, { db }) =>
    searchNodes(db, textArg(text, 'text', MAX_SEARCH_TEXT), nonEmptyOrNull(kinds, 'kinds'), intInRange(first, 'first', 1, 100, 10)),

  neighbourhood: async (_p, args, ctx, info) => {
    const asked = {
      id: idArg(args.id, 'id'),
      depth: intInRange(args.depth, 'depth', 1, 3, 1),
      types: nonEmptyOrNull(args.types, 'types'),
      limit: intInRange(args.limit, 'limit', 1, 500, 100),
      perNode: intInRange(args.perNode, 'perNode', 1, 200, 25),
    };
    const row = await neighbourhood(ctx.db, asked, neighbourhoodAsked(info));
    if (row) return row;
    // An id merged into another node stands for that node (src/merges/).
    const canonical = await canonicalIdOf(ctx, asked.id);
    const merged = canonical ? await neighbourhood(ctx.db, { ...asked, id: canonical }, neighbourhoodAsked(info)) : null;
    if (!merged) throw notFound('node', args.id);
    return merged;
  },

  paths: async (_p, args, ctx) => (await pathSearch(ctx.db, ...(await pathArgs(args, ctx)))).paths,

  pathSearch: async (_p, args, ctx) => pathSearch(ctx.db, ...(await pathArgs(args, ctx))),

  commonPartners: async (_p, args, ctx) => {
    const first = intInRange(args.first, 'first', 1, 100, 20);
    const [a, b] = await requireNodes(ctx, [['a', idArg(args.a, 'a')], ['b', idArg(args.b, 'b')]]);
    return commonPartners(ctx.db, a!, b!, first);
  },

  timeline: async (_p, args, ctx) => {
    let actor = optionalId(args.actor, 'actor');
    const kinds = nonEmptyOrNull(args.kinds, 'kinds') ?? ['Agreement', 'Event'];
    const undated = kinds.find((k) => !TIMELINE_KINDS.includes(k));
    if (undated) throw badInput(`kinds may only list ${TIMELINE_KINDS.join(', ')} (the dated kinds), got ${undated}`, 'kinds');
    if (args.from && args.to && args.from > args.to + '~') throw badInput(`from (${args.from}) is after to (${args.to})`, 'from');
    if (actor) actor = await requireNode(ctx, 'actor', actor);
    return timeline(ctx.db, { from: args.from ?? null, to: args.to ?? null, actor, kinds, first: intInRange(args.first, 'first', 1, 500, 100) });
  },
};

/** The checked arguments of `paths` and `pathSearch` (the same search), and the degrees of its two ends (both exist). */
async function pathArgs(args: QueryPathsArgs, ctx: Context): Promise<[PathArgs, PathEnds]> {
  const checked = {
    from: idArg(args.from, 'from'),
    to: idArg(args.to, 'to'),
    maxLength: intInRange(args.maxLength, 'maxLength', 1, 10, 8),
    shortestOnly: args.shortestOnly ?? true,
    hubLimit: optionalIntAtLeast(args.excludeHubsAbove, 'excludeHubsAbove', 1),
    types: nonEmptyOrNull(args.types, 'types'),
    first: intInRange(args.first, 'first', 1, 50, 10),
    maxExpansions: intInRange(args.maxExpansions, 'maxExpansions', 1, 1_000_000, 100_000),
  };
  // The ends' degrees (and small ends' first levels), which the search starts from, tell whether they exist too:
  // one round-trip for both.
  let ends = await pathEnds(ctx.db, checked.from, checked.to, checked.types);
  const gone = [checked.from, checked.to].filter((id) => !ends.has(id));
  if (gone.length > 0) {
    // An id merged into another node stands for that node (src/merges/).
    const canonical = await resolveIds(ctx.db, gone);
    checked.from = canonical.get(checked.from) ?? checked.from;
    checked.to = canonical.get(checked.to) ?? checked.to;
    ends = await pathEnds(ctx.db, checked.from, checked.to, checked.types);
    for (const id of gone) if (!ends.has(canonical.get(id) ?? id)) throw notFound('node', id);
  }
  return [checked, ends];
}
