/**
 * Moved to src/cypher (the one module that writes Cypher). These names stay importable from here only while
 * branches written against the old path are merged; nothing new should import this file.
 */
import { evidenceProjection as scopedEvidence, evidenceSource, Scope } from '../cypher';

export {
  cypher,
  linkList,
  nodeFromList,
  nodeList,
  relationshipFromList,
  relationshipList,
  relationshipTypeProperties,
  statements,
  type LinkLayout,
  type ListProjection,
  type NodeFields,
} from '../cypher';

export const evidenceProjection = (v: string, sourceProps: readonly string[] | null = null) => scopedEvidence(Scope.of(v), v, sourceProps);
export const evidenceSourceKeys = (sourceProps: readonly string[]) => evidenceSource('evidenceSource', sourceProps).keys;
