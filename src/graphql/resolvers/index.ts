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

export const resolvers: Resolvers = {
  PartialDate,
  JSON: JSON_SCALAR,
  Query: { ...Query, ...writeQueries },
  Mutation,
  Change,
  SourceWrite,
  Node,
  Entity,
  PathElement,
  Organisation,
  Person,
  Agreement,
  Programme,
  Clause,
  Commitment,
  Place,
  Event,
  Source,
  Evidence,
  Relationship,
  PartyRole,
  Signature,
  Role,
  Path,
  OrganisationLink: linkFields,
  AgreementLink: linkFields,
  ProgrammeLink: linkFields,
  ClauseLink: linkFields,
  CommitmentLink: linkFields,
  PlaceLink: linkFields,
  SourceLink: linkFields,
  EntityLink: linkFields,
};
