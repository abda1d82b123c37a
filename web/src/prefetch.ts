/**
 * Loaded before the app's bundle (a few KiB against Cytoscape's few hundred): asks for the shared view's
 * neighbourhoods at once, so the server answers while the browser is still parsing the app.
 */
import { prefetch } from './api';
import { neighbourhoodVariables, PER_NODE, QUERIES } from './queries';
import { initialExpansions, readView } from './url';

for (const id of initialExpansions(readView())) prefetch(QUERIES.Neighbourhood!, neighbourhoodVariables(id, PER_NODE));
