import type { Database } from '../../src/db/database';
import type { CorpusDoc } from './importFixtures';

/**
 * A small corpus holding the same actors twice, as the documents name them: a city as "Ville de Zedville",
 * "Mairie de Zedville" and "Commune de Zedville", its mayor as "Jean Zorro" and "J. Zorro". Ids carry
 * `-zz-`, so removeFixtureEntities removes them.
 */
export const DUP_TEXT =
  'La Ville de Zedville et Acme ont signé une convention le 3 mars 2008. ' +
  'La Mairie de Zedville, c’est-à-dire la ville elle-même, formera 30 personnes. ' +
  'Jean Zorro, maire de Zedville, l’a signée pour la Ville. ' +
  'J. Zorro, maire, a signé l’avenant pour la Mairie de Zedville. ' +
  'La Commune de Zedville (la Mairie) publie la convention.\n';
export const DUP_EXTRA_TEXT = 'Paul Zed travaille à la Mairie de Zedville.\n';

export const SAME_QUOTE = 'La Mairie de Zedville, c’est-à-dire la ville elle-même';

export function duplicatesCorpus(): Record<string, CorpusDoc> {
  return {
    'dup.yaml': {
      source: { id: 'src-zz-dup', file: 'zz-dup.txt', title: 'Zedville et Acme', type: 'press_release', date: '2008-03', evidence: ['La Ville de Zedville et Acme ont signé une convention'] },
      nodes: [
        { id: 'org-zz-ville', kind: 'Organisation', name: 'Ville de Zedville', type: 'local_authority', evidence: ['La Ville de Zedville'] },
        { id: 'org-zz-mairie', kind: 'Organisation', name: 'Mairie de Zedville', aliases: ['la Mairie'], type: 'local_authority', evidence: ['La Mairie de Zedville'] },
        { id: 'org-zz-commune', kind: 'Organisation', name: 'Commune de Zedville', type: 'local_authority', evidence: ['La Commune de Zedville (la Mairie)'] },
        { id: 'org-zz-acme', kind: 'Organisation', name: 'Acme', type: 'company', evidence: ['Zedville et Acme ont signé'] },
        { id: 'per-zz-jean-zorro', kind: 'Person', name: 'Jean Zorro', evidence: ['Jean Zorro, maire de Zedville'] },
        { id: 'per-zz-j-zorro', kind: 'Person', name: 'J. Zorro', evidence: ['J. Zorro, maire'] },
        { id: 'agr-zz-convention', kind: 'Agreement', title: 'Convention Zedville–Acme', type: 'convention', date: '2008-03-03', evidence: ['ont signé une convention le 3 mars 2008'] },
        { id: 'com-zz-30', kind: 'Commitment', title: 'Train 30 people', type: 'promise', quantity: 30, unit: 'people', evidence: ['formera 30 personnes'] },
      ],
      relationships: [
        { type: 'PARTY_TO', from: 'org-zz-ville', to: 'agr-zz-convention', role: 'partner', evidence: ['La Ville de Zedville et Acme ont signé une convention'] },
        { type: 'PARTY_TO', from: 'org-zz-mairie', to: 'agr-zz-convention', role: 'partner', evidence: ['a signé l’avenant pour la Mairie de Zedville'] },
        { type: 'PARTY_TO', from: 'org-zz-commune', to: 'agr-zz-convention', role: 'partner', evidence: ['La Commune de Zedville (la Mairie) publie la convention.'] },
        { type: 'PARTY_TO', from: 'org-zz-acme', to: 'agr-zz-convention', role: 'partner', evidence: ['Zedville et Acme ont signé une convention'] },
        { type: 'SIGNED', from: 'per-zz-jean-zorro', to: 'agr-zz-convention', onBehalfOf: 'org-zz-ville', evidence: ['Jean Zorro, maire de Zedville, l’a signée pour la Ville.'] },
        { type: 'SIGNED', from: 'per-zz-j-zorro', to: 'agr-zz-convention', onBehalfOf: 'org-zz-mairie', evidence: ['J. Zorro, maire, a signé l’avenant pour la Mairie de Zedville.'] },
        { type: 'HOLDS_ROLE', from: 'per-zz-jean-zorro', to: 'org-zz-ville', title: 'maire', evidence: ['Jean Zorro, maire de Zedville'] },
        { type: 'HOLDS_ROLE', from: 'per-zz-j-zorro', to: 'org-zz-mairie', title: 'maire', evidence: ['J. Zorro, maire, a signé l’avenant pour la Mairie de Zedville.'] },
        { type: 'INCLUDES', from: 'agr-zz-convention', to: 'com-zz-30', evidence: ['formera 30 personnes'] },
        { type: 'PART_OF', from: 'org-zz-mairie', to: 'org-zz-ville', evidence: ['La Mairie de Zedville, c’est-à-dire la ville elle-même'] },
      ],
    },
  };
}

/** A later file stating a fact about the mairie by its own id. */
export function extraFile(): Record<string, CorpusDoc> {
  return {
    'extra.yaml': {
      source: { id: 'src-zz-extra', file: 'zz-extra.txt', title: 'Paul Zed', type: 'news_article', evidence: ['Paul Zed travaille'] },
      nodes: [{ id: 'per-zz-paul-zed', kind: 'Person', name: 'Paul Zed', evidence: ['Paul Zed travaille'] }],
      relationships: [{ type: 'AFFILIATED_WITH', from: 'per-zz-paul-zed', to: 'org-zz-mairie', evidence: ['Paul Zed travaille à la Mairie de Zedville.'] }],
    },
  };
}

/** Removes the judgements and merge records of the fixture's ids, and the judgement counter they used. */
export async function removeJudgements(db: Database): Promise<void> {
  await db.write("MATCH (j:Judgement) WHERE j.pair CONTAINS '-zz-' DELETE j");
  await db.write("MATCH (m:Merged) WHERE m.id CONTAINS '-zz-' DELETE m");
}
