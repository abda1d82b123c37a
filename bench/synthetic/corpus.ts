import fs from 'node:fs';
import path from 'node:path';
import { SyntheticDocument, Fields } from './document';
import { organisationName, personName, placeName, REGIONS, stem, THEMES } from './names';
import { entityRng, Rng } from './random';

export interface CorpusOptions {
  /** How many relationships the corpus states (reached to within one agreement's worth). */
  relationships: number;
  seed: number;
  /** The corpus folder; `data/` and `sources/` are created inside it (and emptied first). */
  dir: string;
  /** Called after each document is written, for a progress line. */
  onProgress?: (written: { relationships: number; files: number }) => void;
}

/** What the runner needs to query the corpus: its size and ids it can vary across requests. */
export interface CorpusManifest {
  relationships: number;
  seed: number;
  files: number;
  nodes: number;
  nodesByKind: Record<string, number>;
  relationshipsByType: Record<string, number>;
  bytes: number;
  generatedInMs: number;
  /** The three organisations party to the most agreements, largest first. */
  hubs: string[];
  /** Uniform samples (reservoir) of ids, for look-ups that vary from request to request. */
  sample: {
    agreements: string[];
    /** Organisations party to at least one agreement, hubs excluded. */
    organisations: string[];
    /** People who signed at least one agreement. */
    signatories: string[];
    /** Sampled organisations and people with their names, for search. */
    names: { id: string; kind: 'Organisation' | 'Person'; name: string }[];
  };
}

const AGREEMENT_TYPES = [['convention', 40], ['partnership', 30], ['protocol', 12], ['charter', 8], ['accord', 7], ['other', 3]] as const;
const ORG_TYPES = [
  ['company', 30], ['local_authority', 20], ['association', 18], ['public_body', 10], ['school', 8], ['media', 6],
  ['fund', 4], ['club', 2], ['other', 2],
] as const;
const PARTY_ROLES = ['partner', 'partner', 'partner', 'signatory party', 'beneficiary', 'funder', 'coordinator'] as const;
const TITLES = [
  'directeur général', 'président', 'maire', 'adjoint au maire', 'chargé des affaires institutionnelles',
  'directrice de la communication', 'délégué régional', 'secrétaire général', 'vice-présidente', 'contact presse',
] as const;
const UNITS = [['emplois', 'per year'], ['start-ups', 'per year'], ['personnes formées', 'first year'], ['jours', '3 months'], ['licences', 'total']] as const;
const SOURCE_TYPES = [['news_article', 50], ['press_release', 25], ['press_kit', 10], ['statement', 10], ['interview', 5]] as const;
/** Share of agreements each hub is party to: the few actors with thousands of agreements. */
const HUB_SHARE = [0.25, 0.12, 0.06] as const;
const SAMPLE_SIZE = 500;

function partialDate(rng: Rng, fromYear = 1995, toYear = 2012): string {
  const y = rng.int(fromYear, toYear);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  return rng.weighted([[`${y}-${m}-${d}`, 60], [`${y}-${m}`, 25], [`${y}`, 15]]);
}

/** A uniform sample of a stream of ids, of bounded size (reservoir sampling with its own generator). */
class Reservoir {
  readonly items: string[] = [];
  private seen = 0;
  constructor(private readonly rng: Rng) {}
  offer(id: string): void {
    this.seen++;
    if (this.items.length < SAMPLE_SIZE) this.items.push(id);
    else {
      const j = Math.floor(this.rng.next() * this.seen);
      if (j < SAMPLE_SIZE) this.items[j] = id;
    }
  }
}

/**
 * Writes a synthetic corpus in the dataset format (docs/dataset-format.md): one YAML file per synthetic
 * source document, about 100–200 relationships each, and the document's text beside it in `sources/`, every
 * quote a line of that text. Deterministic for a seed; memory holds one document plus the sets of entities
 * already introduced (their roles and locations are stated once, where they first appear).
 */
export function generateCorpus(options: CorpusOptions): CorpusManifest {
  const started = Date.now();
  const { seed } = options;
  const target = options.relationships;
  const dataDir = path.join(options.dir, 'data');
  const sourcesDir = path.join(options.dir, 'sources');
  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(sourcesDir, { recursive: true });

  const s = new Rng(seed); // the corpus's structure
  const sampler = new Rng(seed ^ 0x5bd1e995);
  const numOrgs = Math.max(60, Math.round(target / 25));
  const numCities = Math.min(3000, Math.max(30, Math.round(target / 300)));

  // --- each entity's own properties, the same wherever it is restated -------------------------------
  const orgCache = new Map<number, { id: string; name: string; fields: Fields; staff: number }>();
  function org(i: number) {
    let o = orgCache.get(i);
    if (!o) {
      const r = entityRng(seed, 'org', i);
      const type = i < HUB_SHARE.length ? 'company' : r.weighted(ORG_TYPES);
      const name = organisationName(i, type, r.int(0, 11));
      const acronym = name.split(/[\s-]+/).map((w) => w[0]).join('').toUpperCase();
      const fields: Fields = { name, type, aliases: r.chance(0.3) ? [acronym + i] : undefined };
      const staff = i < HUB_SHARE.length ? 200 : Math.max(1, Math.round(30 / Math.sqrt(1 + i / 5)));
      o = { id: `org-${i}`, name, fields, staff };
      if (orgCache.size > 50_000) orgCache.clear(); // a cache, not a registry: memory stays bounded
      orgCache.set(i, o);
    }
    return o;
  }
  function person(o: number, j: number) {
    const r = entityRng(seed, 'per', `${o}.${j}`);
    const name = personName(o * 1000 + j, r.int(0, 29));
    const initial = name.split(' ')[0]![0];
    const fields: Fields = { name, aliases: r.chance(0.15) ? [`${initial}. ${name.split(' ').slice(1).join(' ')}`] : undefined };
    return { id: `per-${o}-${j}`, name, fields };
  }
  function agreement(i: number) {
    const r = entityRng(seed, 'agr', i);
    const type = r.weighted(AGREEMENT_TYPES);
    const theme = r.pick(THEMES);
    const date = partialDate(r);
    const title = `${type.charAt(0).toUpperCase()}${type.slice(1)} ${theme} ${stem(i)} ${date.slice(0, 4)}`;
    const fields: Fields = {
      title,
      type,
      date,
      duration: r.chance(0.4) ? `${r.int(1, 5)} years` : undefined,
      exclusive: r.chance(0.3) ? r.chance(0.2) : undefined,
      confidential: r.chance(0.1) ? true : undefined,
    };
    return { id: `agr-${i}`, title, date, type, fields };
  }
  function programme(i: number) {
    const r = entityRng(seed, 'prg', i);
    const name = `Programme ${stem(i + 500)} ${r.pick(THEMES)}`;
    return { id: `prg-${i}`, name, fields: { name, date: r.chance(0.6) ? partialDate(r) : undefined } as Fields };
  }
  function city(i: number) {
    const name = placeName(i);
    return { id: `plc-${i}`, name, region: i % REGIONS.length, fields: { name, type: 'city' } as Fields };
  }
  function region(k: number) {
    const name = REGIONS[k]!;
    return { id: `plc-region-${k}`, name, fields: { name, type: 'region' } as Fields };
  }

  // --- bookkeeping ------------------------------------------------------------------------------------
  const nodesByKind: Record<string, number> = {};
  const relationshipsByType: Record<string, number> = {};
  const introduced = new Set<string>(); // ids whose one-off facts (roles, location) are already stated
  const signers = new Reservoir(sampler);
  const agreementsSample = new Reservoir(sampler);
  const orgSample = new Reservoir(sampler);
  const signedOnce = new Set<string>();
  const partyOnce = new Set<string>();
  let total = 0;
  let files = 0;
  let bytes = 0;
  let doc: SyntheticDocument;
  let docTarget = 0;
  const countNode = (kind: string) => (nodesByKind[kind] = (nodesByKind[kind] ?? 0) + 1);
  const relate = (type: string, from: string, to: string, fields: Fields, quote: string) => {
    doc.relate(type, from, to, fields, quote);
    relationshipsByType[type] = (relationshipsByType[type] ?? 0) + 1;
  };
  const firstTime = (id: string, kind: string): boolean => {
    if (introduced.has(id)) return false;
    introduced.add(id);
    countNode(kind);
    return true;
  };

  function openDocument(): void {
    const n = files + 1;
    const r = entityRng(seed, 'src', n);
    const name = `doc-${String(n).padStart(6, '0')}`;
    const publisher = org(s.powerLaw(numOrgs, 2)).name;
    doc = new SyntheticDocument(`src-bench-${n}`, `${name}.txt`, {
      title: `Dossier ${r.pick(THEMES)} n° ${n} : ${stem(n + 3000)}`,
      type: r.weighted(SOURCE_TYPES),
      date: partialDate(r, 2000, 2012),
      publisher,
    });
    countNode('Source');
    docTarget = s.int(100, 200);
    if (s.chance(0.3)) {
      const o = s.powerLaw(numOrgs, 2);
      const author = mentionPerson(o, 0, 'a écrit ce document');
      relate('AUTHORED', author.id, doc.sourceId, {}, author.quote);
    }
  }

  function flushDocument(): void {
    files++;
    bytes += doc.flush(dataDir, sourcesDir, `doc-${String(files).padStart(6, '0')}.yaml`);
    total += doc.relationshipCount;
    options.onProgress?.({ relationships: total, files });
  }

  function mentionPlace(i: number, quote: string): string {
    const c = city(i);
    doc.mention(c.id, 'Place', () => c.fields, quote);
    if (firstTime(c.id, 'Place')) {
      const rg = region(c.region);
      const q = doc.say(`${c.name} se trouve en ${rg.name}.`);
      doc.mention(rg.id, 'Place', () => rg.fields, q);
      firstTime(rg.id, 'Place'); // regions are counted once; they state no facts of their own
      relate('PART_OF', c.id, rg.id, {}, q);
    }
    return c.id;
  }

  function mentionOrg(i: number, quote: string): string {
    const o = org(i);
    doc.mention(o.id, 'Organisation', () => o.fields, quote);
    if (firstTime(o.id, 'Organisation')) {
      const place = s.powerLaw(numCities, 1.8);
      const q = doc.say(`${o.name} a son siège à ${city(place).name}.`);
      relate('LOCATED_IN', o.id, mentionPlace(place, q), {}, q);
      if (i >= HUB_SHARE.length && s.chance(0.08)) {
        const parent = s.int(0, Math.min(i - 1, 40));
        const q2 = doc.say(`${o.name} est une filiale de ${org(parent).name}.`);
        relate('SUBSIDIARY_OF', o.id, mentionOrg(parent, q2), {}, q2);
      }
      if (i >= HUB_SHARE.length && s.chance(0.1)) {
        const assoc = s.int(HUB_SHARE.length, Math.min(i, 200));
        if (assoc !== i) {
          const q3 = doc.say(`${o.name} est membre de ${org(assoc).name}.`);
          relate('MEMBER_OF', o.id, mentionOrg(assoc, q3), {}, q3);
        }
      }
    }
    return o.id;
  }

  /** A person, with their role history stated where they first appear; returns the sentence naming them. */
  function mentionPerson(o: number, j: number, what: string): { id: string; quote: string } {
    const p = person(o, j);
    const quote = doc.say(`${p.name} ${what}.`);
    doc.mention(p.id, 'Person', () => p.fields, quote);
    if (firstTime(p.id, 'Person')) {
      const roles = s.weighted([[1, 60], [2, 30], [3, 10]]);
      let year = s.int(1995, 2006);
      for (let k = 0; k < roles; k++) {
        // An earlier role may have been elsewhere: role histories cross organisations.
        const at = k < roles - 1 && s.chance(0.3) ? s.powerLaw(numOrgs, 2) : o;
        const title = s.pick(TITLES);
        const asOf = s.chance(0.5) ? `${year}` : `${year}-${String(s.int(1, 12)).padStart(2, '0')}`;
        const q = doc.say(`${p.name} était ${title} de ${org(at).name} en ${asOf}.`);
        const orgId = mentionOrg(at, q);
        relate('HOLDS_ROLE', p.id, orgId, { key: k === 0 ? undefined : `role-${k + 1}`, title, asOf }, q);
        year += s.int(1, 4);
      }
    }
    return { id: p.id, quote };
  }

  let agreements = 0;
  let programmes = 0;
  let commitments = 0;
  let events = 0;

  function writeAgreement(): void {
    const a = agreement(agreements++);
    countNode('Agreement');
    agreementsSample.offer(a.id);
    const aq = doc.say(`Le texte « ${a.title} » (${a.type}) est daté de ${a.date}.`);
    doc.mention(a.id, 'Agreement', () => a.fields, aq);

    // Parties: the hubs by their share, the rest along a power law, 2 to 5 in all.
    const count = s.weighted([[2, 55], [3, 25], [4, 12], [5, 8]]);
    const parties: number[] = [];
    for (let h = 0; h < HUB_SHARE.length && parties.length < count; h++) if (s.chance(HUB_SHARE[h]!)) parties.push(h);
    for (let tries = 0; parties.length < count && tries < 50; tries++) {
      const o = s.powerLaw(numOrgs, 2.2);
      if (!parties.includes(o)) parties.push(o);
    }
    for (const o of parties) {
      const role = s.pick(PARTY_ROLES);
      const q = doc.say(`${org(o).name} est partie au texte « ${a.title} » comme ${role}.`);
      const orgId = mentionOrg(o, q);
      relate('PARTY_TO', orgId, a.id, { role }, q);
      if (o >= HUB_SHARE.length && !partyOnce.has(orgId)) {
        partyOnce.add(orgId);
        orgSample.offer(orgId);
      }
    }
    // Signatories: some parties' people sign, on behalf of their organisation; some agreements have none.
    for (const o of parties) {
      if (!s.chance(0.55)) continue;
      const j = s.powerLaw(org(o).staff, 1.5);
      const date = a.date.length === 10 ? a.date : undefined;
      const signer = mentionPerson(o, j, `a signé « ${a.title} » au nom de ${org(o).name}`);
      const pid = signer.id;
      relate('SIGNED', pid, a.id, { onBehalfOf: org(o).id, date }, signer.quote);
      if (!signedOnce.has(pid)) {
        signedOnce.add(pid);
        signers.offer(pid);
      }
    }
    if (s.chance(0.6)) {
      const place = s.powerLaw(numCities, 1.8);
      const q = doc.say(`« ${a.title} » a été signé à ${city(place).name}.`);
      relate('LOCATED_IN', a.id, mentionPlace(place, q), {}, q);
    }
    const clauses = s.weighted([[0, 45], [1, 30], [2, 15], [3, 10]]);
    for (let k = 0; k < clauses; k++) {
      const id = `cla-${agreements - 1}-${k + 1}`;
      const text = `Les parties s'engagent à ${s.pick(THEMES)} (${stem(s.int(0, 9999))}).`;
      const q = doc.say(`L'article ${k + 1} de « ${a.title} » dispose : ${text}`);
      doc.mention(id, 'Clause', () => ({ title: `Article ${k + 1}`, text }), q);
      countNode('Clause');
      relate('CONTAINS', a.id, id, {}, q);
    }
    const commit = (includer: string, byOrg: number | undefined) => {
      const c = commitments++;
      const [unit, period] = s.pick(UNITS);
      const quantity = s.int(1, 500);
      const title = `${quantity} ${unit} (${period}) n° ${c}`;
      const id = `com-${c}`;
      const type = s.weighted([['promise', 50], ['objective', 35], ['result', 15]]);
      const q = doc.say(`L'engagement porte sur ${title}.`);
      doc.mention(id, 'Commitment', () => ({ title, type, quantity, unit, period }), q);
      countNode('Commitment');
      relate('INCLUDES', includer, id, {}, q);
      if (byOrg !== undefined) {
        const q2 = doc.say(`${org(byOrg).name} s'engage sur ${title}.`);
        relate('COMMITS_TO', org(byOrg).id, id, {}, q2);
      }
    };
    if (s.chance(0.3)) {
      const p = programme(programmes++);
      countNode('Programme');
      const q = doc.say(`« ${a.title} » crée le ${p.name}.`);
      doc.mention(p.id, 'Programme', () => p.fields, q);
      relate('ESTABLISHES', a.id, p.id, {}, q);
      if (s.chance(0.6)) {
        const o = s.pick(parties);
        const q2 = doc.say(`${org(o).name} pilote le ${p.name}.`);
        relate('RUNS', org(o).id, p.id, {}, q2);
      }
      if (s.chance(0.4)) {
        const place = s.powerLaw(numCities, 1.8);
        const q3 = doc.say(`Le ${p.name} se déroule à ${city(place).name}.`);
        relate('LOCATED_IN', p.id, mentionPlace(place, q3), {}, q3);
      }
      if (programmes > 1 && s.chance(0.1)) {
        const parent = programme(s.int(0, programmes - 2));
        const q4 = doc.say(`Le ${p.name} est un volet du ${parent.name}.`);
        doc.mention(parent.id, 'Programme', () => parent.fields, q4);
        relate('PART_OF', p.id, parent.id, {}, q4);
      }
      if (s.chance(0.4)) commit(p.id, s.chance(0.5) ? s.pick(parties) : undefined);
    }
    if (s.chance(0.35)) {
      const n = s.int(1, 2);
      for (let k = 0; k < n; k++) commit(a.id, s.chance(0.8) ? s.pick(parties) : undefined);
    }
    if (agreements > 10 && s.chance(0.06)) {
      const earlier = agreement(agreements - 2 - s.powerLaw(Math.min(agreements - 1, 2000), 1.5));
      const q = doc.say(`« ${a.title} » renouvelle « ${earlier.title} ».`);
      doc.mention(earlier.id, 'Agreement', () => earlier.fields, q);
      relate('RENEWS', a.id, earlier.id, {}, q);
    }
    if (s.chance(0.04)) {
      const e = events++;
      const r = entityRng(seed, 'evt', e);
      const name = `Forum ${r.pick(THEMES)} ${stem(e + 900)}`;
      const id = `evt-${e}`;
      const q = doc.say(`« ${a.title} » lance le ${name}.`);
      doc.mention(id, 'Event', () => ({ name, date: partialDate(r) }), q);
      countNode('Event');
      relate('ESTABLISHES', a.id, id, {}, q);
      for (const o of parties.slice(0, s.int(1, 3))) {
        const role = s.pick(['organiser', 'participant', 'sponsor'] as const);
        const q2 = doc.say(`${org(o).name} participe au ${name} comme ${role}.`);
        relate('TAKES_PART_IN', org(o).id, id, { role }, q2);
      }
    }
  }

  openDocument();
  for (;;) {
    writeAgreement();
    if (total + doc!.relationshipCount >= target) {
      flushDocument();
      break;
    }
    if (doc!.relationshipCount >= docTarget) {
      flushDocument();
      openDocument();
    }
  }

  const hubs = HUB_SHARE.map((_, h) => org(h).id);
  const named = (id: string) => {
    const [prefix, a, b] = id.split('-');
    return prefix === 'org'
      ? { id, kind: 'Organisation' as const, name: org(Number(a)).name }
      : { id, kind: 'Person' as const, name: person(Number(a), Number(b)).name };
  };
  const nameSample = [...orgSample.items.slice(0, 250), ...signers.items.slice(0, 250)].map(named);
  const manifest: CorpusManifest = {
    relationships: total,
    seed,
    files,
    nodes: Object.values(nodesByKind).reduce((a, b) => a + b, 0),
    nodesByKind,
    relationshipsByType,
    bytes,
    generatedInMs: Date.now() - started,
    hubs,
    sample: { agreements: agreementsSample.items, organisations: orgSample.items, signatories: signers.items, names: nameSample },
  };
  // Written last: its presence says the corpus is complete.
  fs.writeFileSync(path.join(options.dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
