import type { NodeRow, RelationshipRow } from '../../store/rows';

/** Interfaces and the path union: a node row carries its kind, which is its GraphQL type's name. */
const kindOf = (row: NodeRow) => row.kind;

export const Node = { __resolveType: kindOf };
export const Entity = { __resolveType: kindOf };
export const PathElement = {
  __resolveType: (row: NodeRow | RelationshipRow) => ('kind' in row && row.kind ? row.kind : 'Relationship'),
};
