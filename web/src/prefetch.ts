/**
 * Loaded before the app's bundle (a few KiB against Cytoscape's few hundred): asks for the shared view's
 * neighbourhoods and the selected node's details at once, so the server answers while the browser is still
 * parsing the app (the details would otherwise wait for the neighbourhood, which tells the app the node's kind:
 * its id says it already).
 */
import { prefetch } from './api';
import { detailVariables, kindOfId, neighbourhoodVariables, PER_NODE, QUERIES } from './queries';
import { initialExpansions, readView } from './url';

const view = readView();
for (const id of initialExpansions(view)) prefetch(QUERIES.Neighbourhood!, neighbourhoodVariables(id, PER_NODE));
const kind = view.selected && !view.path ? kindOfId(view.selected) : undefined;
if (view.selected && kind && QUERIES[`${kind}Detail`]) prefetch(QUERIES[`${kind}Detail`]!, detailVariables(view.selected, kind));
