import type { PathResolvers } from '../generated/types';

export const Path: PathResolvers = {
  // node, relationship, node, …: the order in which a reader follows the path.
  elements: (p) => p.nodes.flatMap((n, i) => (i < p.relationships.length ? [n, p.relationships[i]!] : [n])),
};
