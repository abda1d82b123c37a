import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON-able values, in one place: Neo4j integers become numbers
 * (refusing, loudly, any outside JavaScript's safe range), temporal values become ISO strings, nodes and
 * relationships become their properties.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toNative);
  // Maps come back as plain objects: the common case, tested first (every row is a tree of them).
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = toNative((value as Record<string, unknown>)[k]);
    return out;
  }
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`Integer ${value.toString()} from Neo4j is outside the safe range`);
    return value.toNumber();
  }
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toNative((value as { properties: Record<string, unknown> }).properties);
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toNative(v);
    return out;
  }
  return value;
}
