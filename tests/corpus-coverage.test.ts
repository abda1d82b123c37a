import path from 'node:path';
import { corpusCoverage } from '../src/corpus/coverage';
import { coveredShare, occurrences, sentences } from '../src/corpus/sentences';

const root = path.resolve(__dirname, '..');
const report = corpusCoverage(path.join(root, 'data'), path.join(root, 'data', 'sources'));

describe('every sentence of the five documents is quoted by a fact or listed as not one, with why', () => {
  it('covers the five documents', () => {
    expect(report.map((r) => r.sourceFile)).toEqual([
      '000_4259747c74391fd7.txt',
      '001_1feb727c2dc888f6.txt',
      '002_5f3030a4463c94cf.txt',
      '003_651929db94c9cfdd.txt',
      '004_ea81c671ebed635f.txt',
    ]);
  });

  it.each(report.map((r) => [r.sourceFile, r] as const))('%s: no sentence is left unaccounted for', (_file, r) => {
    const unaccounted = r.uncited.filter((u) => !u.notFact).map((u) => u.sentence.text);
    expect(unaccounted).toEqual([]);
  });

  it.each(report.map((r) => [r.sourceFile, r] as const))('%s: every notFacts entry stands for a sentence no fact quotes', (_file, r) => {
    expect(r.unused.map((nf) => nf.text)).toEqual([]);
    for (const u of r.uncited) expect(u.notFact?.reason.trim().length).toBeGreaterThan(10);
  });

  it('quotes most sentences with facts: listing a sentence as not a fact is the exception', () => {
    const total = report.reduce((n, r) => n + r.sentences, 0);
    const quoted = report.reduce((n, r) => n + r.quoted, 0);
    expect(quoted / total).toBeGreaterThan(0.9);
  });
});

describe('how a document is cut into sentences', () => {
  it('does not end a sentence at « MM. » before a name', () => {
    const s = sentences('Le protocole a été signé par MM. Eric Boustouller, président. Objectif affiché: la lutte.');
    expect(s.map((x) => x.text)).toEqual(['Le protocole a été signé par MM. Eric Boustouller, président.', 'Objectif affiché: la lutte.']);
  });

  it('joins lines wrapped in the middle of a sentence, and keeps headings apart', () => {
    const text = 'TITRE\n\nLa diffusion a permis la naissance d’une \ncommunauté d’utilisateurs. Plusieurs villes\nsuivent.';
    expect(sentences(text).map((x) => x.text)).toEqual(['TITRE', 'La diffusion a permis la naissance d’une \ncommunauté d’utilisateurs.', 'Plusieurs villes\nsuivent.']);
  });

  it('keeps each sentence at its place in the text', () => {
    const text = '- Premier point ; \n- Second point.';
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('what counts as quoting a sentence', () => {
  const text = 'Microsoft signe avec la Ville de Paris un partenariat de deux ans pour les Parisiens.';
  const [sentence] = sentences(text);

  it('a bare name is a mention, not a quotation of the sentence', () => {
    expect(coveredShare(text, sentence!, [occurrences(text, 'Microsoft')])).toBe(0);
  });

  it('a quote covering most of the sentence quotes it', () => {
    expect(coveredShare(text, sentence!, [occurrences(text, 'Microsoft signe avec la Ville de Paris un partenariat')])).toBeGreaterThan(0.5);
  });
});
