import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { linkKey, linksOf, LinkQuery, signaturesOnBehalfOf } from '../store/links';
import { evidenceOfFacts, factKey, FactKey } from '../store/evidence';
import { nodesByIds } from '../store/nodes';
import type { EvidenceRow, LinkRow, NodeRow, RelationshipRow } from '../store/rows';

/**
 * Per-request batching: every field asking for nodes by id, or for relationships of a node, during one tick
 * of a request's execution is answered by one UNWIND query. A GraphQL level therefore costs one round-trip
 * however many parents it has, and caches last only as long as the request.
 */
export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  /** The same, reading each node's evidence in the same round-trip (for fields that select `evidence`). */
  nodeWithEvidence: DataLoader<string, NodeRow | null>;
  /** Evidence of nodes and relationships read without it. */
  evidence: DataLoader<FactKey, EvidenceRow[], string>;
  links: DataLoader<LinkQuery, LinkRow[], string>;
  signaturesOnBehalfOf: DataLoader<string, RelationshipRow[]>;
}

export function createLoaders(db: Database): Loaders {
  return {
    node: new DataLoader((ids) => nodesByIds(db, ids), { maxBatchSize: 1000 }),
    nodeWithEvidence: new DataLoader((ids) => nodesByIds(db, ids, true), { maxBatchSize: 1000 }),
    evidence: new DataLoader((facts) => evidenceOfFacts(db, facts), { cacheKeyFn: factKey, maxBatchSize: 1000 }),
    links: new DataLoader((queries) => linksOf(db, queries), { cacheKeyFn: linkKey, maxBatchSize: 1000 }),
    signaturesOnBehalfOf: new DataLoader((ids) => signaturesOnBehalfOf(db, ids), { maxBatchSize: 1000 }),
  };
}
