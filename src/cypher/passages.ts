import type { NodeRow } from '../store/rows';
import { template } from './files';
import { nodeList, type ListProjection } from './projection';

const texts = new Map<string, { text: string; source: ListProjection<NodeRow> }>();

/** cypher/passages.cypher with the document's asked fields written in (`{{askedSource s}}`), and their reader. */
export function passagesQuery(source: readonly string[]): { text: string; source: ListProjection<NodeRow> } {
  const key = source.join(',');
  let query = texts.get(key);
  if (!query) {
    const projection = (v: string) => nodeList(v, source, source.includes('degree') ? `COUNT { (${v})--() }` : null, 'Source');
    query = { text: template('passages', { askedSource: (v) => projection(v).text }), source: projection('s') };
    // Field lists come from requests: keep the cache bounded.
    if (texts.size >= 100) texts.clear();
    texts.set(key, query);
  }
  return query;
}
