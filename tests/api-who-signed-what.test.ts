import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../src/config';
import { startTestServer, TestServer } from './support/server';

/**
 * Every agreement of the corpus, its parties and its signatories (with whom they signed for) exactly as the
 * five documents state them. Agreements whose signatories the documents do not name have none.
 */
const AS_THE_DOCUMENTS_STATE: Record<string, { parties: string[]; signatories: Array<[person: string, onBehalfOf: string]> }> = {
  // 003: "signé ce mardi 27 novembre, par MM. Eric Boustouller, président de Microsoft France, et Martin Malvy, président de l'APVF"
  'agr-apvf-microsoft-2007': {
    parties: ['org-apvf', 'org-microsoft-france'],
    signatories: [['per-eric-boustouller', 'org-microsoft-france'], ['per-martin-malvy', 'org-apvf']],
  },
  // 003: "c'est Bill Gates, Pdg de l'éditeur, qui avait signé un accord de partenariat avec Gérard Colomb, maire de la ville de Lyon"
  'agr-lyon-microsoft-2007': {
    parties: ['org-microsoft', 'org-ville-de-lyon'],
    signatories: [['per-bill-gates', 'org-microsoft'], ['per-gerard-collomb', 'org-ville-de-lyon']],
  },
  // 001/002: the partnership between the Ville de Paris and Microsoft; no signatory is named.
  'agr-paris-microsoft-2008': { parties: ['org-microsoft', 'org-ville-de-paris'], signatories: [] },
  'agr-paris-microsoft-idees-2006': { parties: ['org-microsoft', 'org-ville-de-paris'], signatories: [] },
  'agr-paris-france-telecom-2004': { parties: ['org-france-telecom', 'org-ville-de-paris'], signatories: [] },
  'agr-paris-les-ingenieurs-sociaux-2006': { parties: ['org-les-ingenieurs-sociaux', 'org-ville-de-paris'], signatories: [] },
  'agr-paris-san-francisco-twinning-2006': { parties: ['org-san-francisco', 'org-ville-de-paris'], signatories: [] },
  'agr-digital-pathway-partnership': {
    parties: ['org-air-france', 'org-cisco', 'org-san-francisco', 'org-sfr', 'org-ville-de-paris'],
    signatories: [],
  },
  // 000: the convention with the Communauté urbaine de Lille and the city.
  'agr-lille-microsoft': { parties: ['org-communaute-urbaine-de-lille', 'org-microsoft', 'org-ville-de-lille'], signatories: [] },
  // 004: the 2001 accord with the CIGREF, its renewal, and the partnership with Sciences-Po (and its new school).
  'agr-cigref-microsoft-2001': { parties: ['org-cigref', 'org-microsoft'], signatories: [] },
  'agr-cigref-microsoft-renewal': { parties: ['org-cigref', 'org-microsoft'], signatories: [] },
  'agr-sciences-po-microsoft': {
    parties: ['org-microsoft', 'org-sciences-po', 'org-sciences-po-ecole-communication'],
    signatories: [],
  },
};

const AGREEMENT = `
  query ($id: ID!) {
    agreement(id: $id) {
      id title date
      parties { organisation { id name } role evidence { quote source { file } } }
      signatories { person { id name } onBehalfOf { id name } date dateInferred evidence { quote source { file title } } }
    }
  }`;

describe('who signed what', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('knows every agreement of the corpus, and no other', async () => {
    const res = await server.gql('{ agreements(first: 100) { totalCount nodes { id } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.agreements.nodes.map((a: { id: string }) => a.id).sort()).toEqual(Object.keys(AS_THE_DOCUMENTS_STATE).sort());
    expect(res.data.agreements.totalCount).toBe(Object.keys(AS_THE_DOCUMENTS_STATE).length);
  });

  it.each(Object.entries(AS_THE_DOCUMENTS_STATE))('%s: parties and signatories as the documents state them', async (id, expected) => {
    const res = await server.gql(AGREEMENT, { id });
    expect(res.errors).toBeUndefined();
    const agreement = res.data.agreement;
    expect(agreement.parties.map((p: { organisation: { id: string } }) => p.organisation.id).sort()).toEqual(expected.parties);
    expect(
      agreement.signatories
        .map((s: { person: { id: string }; onBehalfOf: { id: string } | null }) => [s.person.id, s.onBehalfOf?.id ?? null])
        .sort(),
    ).toEqual(expected.signatories);
    for (const link of [...agreement.parties, ...agreement.signatories]) expect(link.evidence.length).toBeGreaterThan(0);
  });

  it('the APVF protocol was signed on 27 November 2007 by Eric Boustouller for Microsoft France and Martin Malvy for the APVF, and says where it is written', async () => {
    const res = await server.gql(AGREEMENT, { id: 'agr-apvf-microsoft-2007' });
    const byPerson = Object.fromEntries(res.data.agreement.signatories.map((s: { person: { name: string } }) => [s.person.name, s]));
    expect(byPerson['Eric Boustouller'].onBehalfOf.name).toBe('Microsoft France');
    expect(byPerson['Martin Malvy'].onBehalfOf.name).toMatch(/petites villes|APVF/i);
    for (const s of Object.values(byPerson) as Array<{ date: string; dateInferred: string; evidence: Array<{ quote: string; source: { file: string } }> }>) {
      expect(s.date).toBe('2007-11-27');
      expect(s.dateInferred).toMatch(/2007/); // the article gives no year
      expect(s.evidence[0]!.source.file).toBe('003_651929db94c9cfdd.txt');
      expect(s.evidence[0]!.quote).toContain('Eric Boustouller');
      expect(s.evidence[0]!.quote).toContain('Martin Malvy');
    }
  });

  it('the Paris–Microsoft agreement of 2008 has the Ville de Paris and Microsoft as parties and NO signatories, never a guess', async () => {
    const res = await server.gql(AGREEMENT, { id: 'agr-paris-microsoft-2008' });
    expect(res.data.agreement.parties.map((p: { organisation: { name: string } }) => p.organisation.name).sort()).toEqual(['Microsoft', 'Ville de Paris']);
    expect(res.data.agreement.signatories).toEqual([]);
    expect(res.data.agreement.date).toBe('2008-01-29');
  });

  it('what did Eric Boustouller sign? the APVF protocol, for Microsoft France, of which he is président', async () => {
    const res = await server.gql(`{ person(id: "per-eric-boustouller") {
      signed { agreement { id } onBehalfOf { id } }
      roles { title organisation { id } evidence { quote } } } }`);
    expect(res.data.person.signed).toEqual([{ agreement: { id: 'agr-apvf-microsoft-2007' }, onBehalfOf: { id: 'org-microsoft-france' } }]);
    expect(res.data.person.roles).toContainEqual(
      expect.objectContaining({ title: expect.stringMatching(/président/i), organisation: { id: 'org-microsoft-france' } }),
    );
  });

  it('who represents the APVF? its président Martin Malvy, who signed for it', async () => {
    const res = await server.gql(`{ organisation(id: "org-apvf") {
      people { person { id } title } signatures { person { id } agreement { id } } } }`);
    expect(res.data.organisation.people).toContainEqual({ person: { id: 'per-martin-malvy' }, title: 'président' });
    expect(res.data.organisation.signatures).toEqual([{ person: { id: 'per-martin-malvy' }, agreement: { id: 'agr-apvf-microsoft-2007' } }]);
  });

  it('answers, for every agreement, the parties and signatories the curated files (data/*.yaml) record', async () => {
    const recorded = new Map<string, { parties: Set<string>; signatories: Set<string> }>();
    for (const file of fs.readdirSync(path.join(ROOT, 'data')).filter((f) => f.endsWith('.yaml'))) {
      const doc = YAML.parse(fs.readFileSync(path.join(ROOT, 'data', file), 'utf8'));
      for (const r of doc.relationships ?? []) {
        if (r.type !== 'PARTY_TO' && r.type !== 'SIGNED') continue;
        const entry = recorded.get(r.to) ?? { parties: new Set(), signatories: new Set() };
        if (r.type === 'PARTY_TO') entry.parties.add(r.from);
        else entry.signatories.add(`${r.from} for ${r.onBehalfOf ?? '?'}`);
        recorded.set(r.to, entry);
      }
    }
    const res = await server.gql(`{ agreements(first: 100) { nodes { id
      parties { organisation { id } } signatories { person { id } onBehalfOf { id } } } } }`);
    for (const a of res.data.agreements.nodes) {
      const entry = recorded.get(a.id) ?? { parties: new Set(), signatories: new Set() };
      expect({ id: a.id, parties: a.parties.map((p: { organisation: { id: string } }) => p.organisation.id).sort() }).toEqual({ id: a.id, parties: [...entry.parties].sort() });
      expect({
        id: a.id,
        signatories: a.signatories.map((s: { person: { id: string }; onBehalfOf: { id: string } | null }) => `${s.person.id} for ${s.onBehalfOf?.id ?? '?'}`).sort(),
      }).toEqual({ id: a.id, signatories: [...entry.signatories].sort() });
    }
  });
});
