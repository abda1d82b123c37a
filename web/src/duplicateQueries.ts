/** The queries of the "Same actor?" pane (web/src/duplicates.ts), validated against schema/ by tests/web-queries.test.ts. */
export const DUPLICATE_QUERIES: Record<string, string> = {
  DuplicatesOfNode: `query DuplicatesOfNode($id: ID!, $kinds: [NodeKind!]) {
  duplicateCandidates(node: $id, kinds: $kinds, first: 10) { nodes { id score a { id label } b { id label } reasons { code detail } } }
  node(id: $id) { ... on Entity { formerIdentities { id label judgement { id reason byName at } } } }
}`,
  CompareNodes: `query CompareNodes($a: ID!, $b: ID!) {
  a: node(id: $a) { ...Side }
  b: node(id: $b) { ...Side }
}
fragment Side on Entity {
  id kind label aliases
  evidence { quote source { id title } }
  relationships(first: 50) { type from { id label } to { id label } }
}`,
  Judge: `mutation Judge($a: ID!, $b: ID!, $verdict: Verdict!, $reason: String!, $evidence: [EvidenceInput!]) {
  judge(a: $a, b: $b, verdict: $verdict, reason: $reason, evidence: $evidence) { judgement { id verdict } node { id } }
}`,
  UndoJudgement: `mutation UndoJudgement($id: ID!, $reason: String!) {
  undoJudgement(id: $id, reason: $reason) { judgement { id active } node { id } }
}`,
};
