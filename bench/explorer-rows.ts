/**
 * Benchmark rows for what the explorer itself sends (web/src/queries.ts), appended to bench/workload.ts:
 * opening the page on a hub sends its neighbourhood and its details, and nothing measured them before
 * (a hub's details took 4–24 s at 1M relationships).
 */
import { detailVariables, neighbourhoodVariables, PER_NODE, QUERIES } from '../web/src/queries';
import type { CorpusManifest } from './synthetic/corpus';
import type { Row } from './workload';

type Data = Record<string, any>;

const TOTALS = ['agreements', 'people', 'commitments', 'runs'] as const;

export function explorerRows(manifest: CorpusManifest): Row[] {
  const hubs = manifest.hubs;
  return [
    {
      key: 'hubDetails',
      title: "a hub's details as the explorer asks them",
      measures:
        "The explorer's OrganisationDetail on a hub: its fields and evidence, the first 10 of each of its lists (agreements, people, signatures, commitments …) with each item's far node and evidence, and each list's total.",
      accords: QUERIES.OrganisationDetail!,
      peer: `query HubDetails($id: ID!) { organisations(where: { id: { eq: $id } }) { id name type description evidence { quote source { id title } }
        agreementsConnection(first: 10) { totalCount edges { properties { role } node { id title date evidence { quote } } } }
        peopleConnection(first: 10) { totalCount edges { properties { title asOf } node { id name } } }
        commitmentsConnection(first: 10) { totalCount edges { node { id title type } } }
        runsConnection(first: 10) { totalCount edges { node { id name } } } } }`,
      peerNote: 'hand-written: four of its lists, 10 each with their totals (the generated API has no signatures on behalf); the totals are compared',
      variables: (i) => detailVariables(hubs[i % hubs.length]!, 'Organisation'),
      canonAccords: (d) => {
        const n = d.node;
        if (!n) return { size: 0 };
        return { canon: Object.fromEntries(TOTALS.map((f) => [f, n[`${f}Total`]])), size: 1 + TOTALS.reduce((s, f) => s + n[f].length, 0) };
      },
      canonPeer: (d) => {
        const o = d.organisations?.[0];
        if (!o) return { size: 0 };
        return {
          canon: Object.fromEntries(TOTALS.map((f) => [f, o[`${f}Connection`].totalCount])),
          size: 1 + TOTALS.reduce((s, f) => s + o[`${f}Connection`].edges.length, 0),
        };
      },
    },
    {
      key: 'pageNeighbourhood',
      title: 'neighbourhood as the explorer asks it',
      measures: `The explorer's Neighbourhood on a hub: depth 1, at most ${PER_NODE} relationships per node (agreements first), each with its evidence.`,
      accords: QUERIES.Neighbourhood!,
      // The same answer from the peer: the hub's first ${PER_NODE} agreements (a hub's first type) with each
      // relationship's properties and quotes, and the count the explorer shows as "left out".
      peer: `query Hood($id: ID!) { organisations(where: { id: { eq: $id } }) { id name
        agreementsConnection(first: ${PER_NODE}) { totalCount edges { properties { id role evidenceSources evidenceQuotes } node { id title date } } } } }`,
      peerNote: `hand-written: the hub's first ${PER_NODE} agreements with each relationship's quotes and the total (no generic neighbourhood; the peer's quotes name their sources by id only); sizes are compared`,
      variables: (i) => neighbourhoodVariables(hubs[i % hubs.length]!, PER_NODE),
      canonAccords: (d) => ({ size: d.neighbourhood?.nodes?.length ?? 0 }),
      canonPeer: (d) => {
        const o = d.organisations?.[0];
        return { size: o ? 1 + o.agreementsConnection.edges.length : 0 };
      },
    },
  ];
}
