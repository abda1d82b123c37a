/**
 * Stable identities. A node is its `id`; a relationship is its type, its ends and its `key` (empty unless two
 * relationships of one type join the same nodes). Ids are ASCII kebab-case, so `|` cannot occur in them.
 */
export const ID_PATTERN = /^[a-z]+-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The `id` property of a relationship, by which the API addresses it: `from|TYPE|to`, plus `|key` if any. */
export function relationshipId(from: string, type: string, to: string, key = ''): string {
  return key ? `${from}|${type}|${to}|${key}` : `${from}|${type}|${to}`;
}

/** The type and ends a relationship id names (the inverse of relationshipId). */
export function relationshipIdParts(id: string): { fromId: string; type: string; toId: string } {
  const [fromId = '', type = '', toId = ''] = id.split('|', 3);
  return { fromId, type, toId };
}

/** How a relationship is named in messages. */
export function relationshipLabel(from: string, type: string, to: string, key = ''): string {
  return `${from} -[${type}${key ? ` key=${key}` : ''}]-> ${to}`;
}
