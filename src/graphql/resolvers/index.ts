import { NODE_KIND_NAMES } from '../../model/model';
import type { Resolvers } from '../generated/types';
import { JSON_SCALAR, PartialDate } from '../scalars';
import { Entity, Node, PathElement } from './abstract';
import { Agreement } from './Agreement';
import { Clause } from './Clause';
import { Commitment } from './Commitment';
import { Event } from './Event';
import { Evidence } from './Evidence';
import { linkFields } from './links';
import { Organisation } from './Organisation';
import { PartyRole } from './PartyRole';
import { Path } from './Path';
import { Person } from './Person';
import { Place } from './Place';
import { Programme } from './Programme';
import { Query } from './Query';
import { Relationship } from './Relationship';
import { Role } from './Role';
import { Signature } from './Signature';
import { Source } from './Source';
import { Mutation } from './Mutation';
import { Change, SourceWrite, writeQueries } from './writes';
import { DuplicateCandidate, duplicateMutations, duplicateQueries, JudgementWrite } from './duplicates';
import { Figure, Statement } from './Statement';
import { signaturesTotal, withTotals } from './totals';

export const resolvers: Resolvers = {
  PartialDate,
  JSON: JSON_SCALAR,
  Query: { ...Query, ...writeQueries, ...duplicateQueries },
  Mutation: { ...Mutation, ...duplicateMutations },
  DuplicateCandidate,
  JudgementWrite,
  Change,
  SourceWrite,
  Node,
  Entity,
  PathElement,
  // Each kind with the `…Total` of its paged lists (resolvers/totals.ts).
  Organisation: withTotals({ ...Organisation, signaturesTotal }),
  Person: withTotals(Person),
  Agreement: withTotals(Agreement),
  Programme: withTotals(Programme),
  Clause: withTotals(Clause),
  Commitment: withTotals(Commitment),
  Place: withTotals(Place),
  Event: withTotals(Event),
  Source: withTotals(Source),
  Statement: withTotals(Statement),
  Figure: withTotals(Figure),
  Evidence,
  Relationship,
  PartyRole,
  Signature,
  Role,
  Path,
  EntityLink: linkFields,
  // Every kind's …Link (schema/model.graphql) resolves alike.
  ...Object.fromEntries(NODE_KIND_NAMES.map((kind) => [`${kind}Link`, linkFields])),
};
