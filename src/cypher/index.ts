/**
 * The one module that writes Cypher. Static queries live in `cypher/*.cypher` and are read here (`cypher`);
 * every text whose shape depends on a request (which fields, filters, orders, relationship types) is written
 * by one builder below, from the model's names and fixed fragments only: values always travel as
 * parameters. Each builder returns, beside its text, the projections that read its rows back, so a list of
 * values is read by the code that wrote it. tests/cypher-tck.test.ts pins each builder's text and has Neo4j
 * EXPLAIN every text they can write for the model.
 */
export { builderSlots, cypher, isStatic, statements, template, type Slot } from './files';
export { Scope } from './scope';
export { bound, typeName } from './names';
export {
  evidenceProjection,
  evidenceSource,
  linkList,
  nodeFromList,
  nodeList,
  nodeMap,
  relationshipFromList,
  relationshipList,
  relationshipMap,
  relationshipTypeProperties,
  type LinkLayout,
  type ListProjection,
  type NodeFields,
  type Projection,
} from './projection';
export { buildListQuery, LIST_KINDS, listOptions, type BuiltQuery, type ListKind, type ListRequest } from './list';
export { expansions, linksQuery, type Expansion } from './links';
export { neighbourhoodQuery, type AskedFields, type NeighbourhoodQuery } from './neighbourhood';
export { askedNodeProjection, askedNodeRow, nodesQuery, type AskedNode, type AskedNodeLayout, type NodeAsk, type NodesQuery } from './nodes';
export { passagesQuery } from './passages';
export { signaturesQuery } from './signatures';
export { totalSpec, totalsQuery, type TotalShape } from './totals';
export { pathsAllQuery } from './paths';
export { importRelationshipsQuery } from './imports';
export { hubPage, lookUpQuery, type CompiledLookUp, type LookUpAnswer, type LookUpMode, type LookUpRow, type LookUpShape, type PageIndex } from './lookUp';
