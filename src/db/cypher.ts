/**
 * Moved to src/cypher (the one module that writes Cypher). These names stay importable from here only while
 * branches written against the old path are merged; nothing new should import this file.
 */
import { builderSlots, cypher as staticText, evidenceProjection as scopedEvidence, evidenceSource, Scope, template } from '../cypher';

export {
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

/** The old contract: the model's placeholders filled, a builder's left for a second pass. */
export function cypher(name: string): string {
  const kept = builderSlots(name).map((slot) => [slot, (...args: string[]) => `{{${[slot, ...args].join(' ')}}}`] as const);
  return kept.length === 0 ? staticText(name) : template(name, Object.fromEntries(kept));
}
