import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { linkKey, linksOf, LinkQuery, signaturesKey, signaturesOnBehalfOf, type SignaturesPage, type SignaturesQuery } from '../store/links';
import { evidenceOfFacts, factKey, FactKey } from '../store/evidence';
import { nodesByIds, type NodeAsk } from '../store/nodes';
import type { EvidenceRow, LinkRow, NodeRow, RelationshipRow } from '../store/rows';

/**
 * Per-request batching: every field asking for nodes by id, or for relationships of a node, during one tick
 * of a request's execution is answered by one UNWIND query. A GraphQL level therefore costs one round-trip
 * however many parents it has, and caches last only as long as the request.
 */
export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  /** Evidence of nodes and relationships read without it. */
  evidence: DataLoader<FactKey, EvidenceRow[], string>;
  links: DataLoader<LinkQuery, LinkRow[], string>;
  signaturesOnBehalfOf: DataLoader<SignaturesQuery, SignaturesPage, string>;
  /** Nodes by id with only the fields a request reads of them (root look-ups): one loader per ask. */
  asked(ask: NodeAsk): DataLoader<string, NodeRow | null>;
}

export function createLoaders(db: Database): Loaders {
  const askedLoaders = new Map<string, DataLoader<string, NodeRow | null>>();
  return {
    node: new DataLoader((ids) => nodesByIds(db, ids), { maxBatchSize: 1000 }),
    evidence: new DataLoader((facts) => evidenceOfFacts(db, facts), { cacheKeyFn: factKey, maxBatchSize: 1000 }),
    links: new DataLoader((queries) => linksOf(db, queries), { cacheKeyFn: linkKey, maxBatchSize: 1000 }),
    signaturesOnBehalfOf: new DataLoader((qs) => signaturesOnBehalfOf(db, qs), { cacheKeyFn: signaturesKey, maxBatchSize: 1000 }),
    asked(ask) {
      const key = JSON.stringify(ask);
      let loader = askedLoaders.get(key);
      if (!loader) askedLoaders.set(key, (loader = new DataLoader((ids) => nodesByIds(db, ids, ask), { maxBatchSize: 1000 })));
      return loader;
    },
  };
}
