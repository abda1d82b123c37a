import { ImportError, ImportProblem, importCorpus, validateCorpus } from '../src/import';
import type { Database } from '../src/db/database';
import { testDatabase } from './support/db';
import {
  CorpusDoc,
  graphFingerprint,
  validCorpus,
  writeFixtureCorpus,
} from './support/importFixtures';

/**
 * Is a broken corpus file rejected with an error naming the file, the entity and the field — and is the
 * database left exactly as it was? Each case breaks one thing in an otherwise valid two-file corpus.
 */

type Corpus = ReturnType<typeof validCorpus>;
type Nodes = Array<Record<string, unknown>>;
const nodesOf = (doc: CorpusDoc) => doc.nodes as Nodes;
const relsOf = (doc: CorpusDoc) => doc.relationships as Nodes;
const node = (doc: CorpusDoc, id: string) => nodesOf(doc).find((n) => n.id === id)!;

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

/** Imports the broken corpus; returns the problems, having checked that nothing changed in the graph. */
async function problemsOf(breakIt: (c: Corpus) => void, sources?: Record<string, string>): Promise<ImportProblem[]> {
  const corpus = validCorpus();
  breakIt(corpus);
  const fixture = writeFixtureCorpus(corpus, sources);
  try {
    const before = await graphFingerprint(db);
    const error = await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(await graphFingerprint(db)).toEqual(before);
    return (error as ImportError).problems.map((p) => ({ ...p, file: p.file.replace(`${fixture.dataDir}/`, '') }));
  } finally {
    fixture.remove();
  }
}

const problem = (file: string, entity: string, field: string, message: RegExp) =>
  expect.objectContaining({ file, entity, field, message: expect.stringMatching(message) });

describe('the importer refuses a broken corpus, names the problem and writes nothing', () => {
  it('accepts the fixture corpus unbroken (so each case below fails for its own reason only)', async () => {
    const fixture = writeFixtureCorpus(validCorpus());
    try {
      const summary = await validateCorpus(db, [fixture.file('a.yaml'), fixture.file('b.yaml')], { sourcesDir: fixture.sourcesDir });
      expect(summary.files).toBe(2);
    } finally {
      fixture.remove();
    }
  });

  it('a sentence listed as not a fact that is not in the document, or without a reason', async () => {
    const problems = await problemsOf((c) => {
      c['a.yaml'].notFacts = [{ text: 'Words the document never says.', reason: 'A headline.' }, { text: 'Acme', reason: ' ' }];
    });
    expect(problems).toContainEqual(problem('a.yaml', 'notFacts[0]', 'text', /not found byte for byte in zz-a\.txt/));
    expect(problems).toContainEqual(problem('a.yaml', 'notFacts[1]', 'reason', /must say in one line why it is not a fact/));
  });

  it('a Figure whose status is not TARGET, FACT or ESTIMATE, and a Statement without its words', async () => {
    const problems = await problemsOf((c) => {
      const quote = (node(c['a.yaml'], 'org-zz-acme').evidence as string[])[0]!;
      nodesOf(c['a.yaml']).push(
        { id: 'fig-zz-one', kind: 'Figure', title: 'One', value: 1, unit: 'company', measures: 'Companies', status: 'GUESS', evidence: [quote] },
        { id: 'stm-zz-said', kind: 'Statement', title: 'Said', mode: 'quoted', evidence: [quote] },
      );
    });
    expect(problems).toContainEqual(problem('a.yaml', 'fig-zz-one', 'status', /"GUESS" is not one of TARGET, FACT, ESTIMATE/));
    expect(problems).toContainEqual(problem('a.yaml', 'stm-zz-said', 'words', /required|missing/));
  });

  it('an unknown kind', async () => {
    const problems = await problemsOf((c) => (node(c['a.yaml'], 'per-zz-jean-zorro').kind = 'Human'));
    expect(problems).toContainEqual(problem('a.yaml', 'per-zz-jean-zorro', 'kind', /unknown kind "Human"/));
  });

  it('an unknown field', async () => {
    const problems = await problemsOf((c) => (node(c['a.yaml'], 'org-zz-acme').website = 'acme.example'));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme', 'website', /unknown field for an? Organisation/));
  });

  it('an unknown relationship type', async () => {
    const problems = await problemsOf((c) => (relsOf(c['a.yaml'])[0]!.type = 'FUNDS'));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-zedville -[FUNDS]-> agr-zz-zedville-acme', 'type', /unknown relationship type "FUNDS"/));
  });

  it('a value outside its enumeration', async () => {
    const problems = await problemsOf((c) => (node(c['a.yaml'], 'org-zz-acme').type = 'bank'));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme', 'type', /"bank" is not one of company, public_body/));
  });

  it('a value of the wrong type', async () => {
    const problems = await problemsOf((c) => {
      node(c['a.yaml'], 'com-zz-30-people').quantity = 'thirty';
      node(c['a.yaml'], 'agr-zz-zedville-acme').exclusive = 'no';
    });
    expect(problems).toContainEqual(problem('a.yaml', 'com-zz-30-people', 'quantity', /must be a number, got a string "thirty"/));
    expect(problems).toContainEqual(problem('a.yaml', 'agr-zz-zedville-acme', 'exclusive', /must be true or false/));
  });

  it('a required field no file gives', async () => {
    const problems = await problemsOf((c) => {
      delete node(c['a.yaml'], 'per-zz-jean-zorro').name;
      delete node(c['b.yaml'], 'per-zz-jean-zorro').name;
    });
    expect(problems).toContainEqual(problem('a.yaml', 'per-zz-jean-zorro', 'name', /missing: required for a Person/));
  });

  it('an id whose prefix does not match its kind, or that is not kebab-case', async () => {
    const problems = await problemsOf((c) => {
      node(c['a.yaml'], 'com-zz-30-people').id = 'prg-zz-30-people';
      relsOf(c['a.yaml'])[4]!.to = 'prg-zz-30-people';
      node(c['a.yaml'], 'org-zz-acme').id = 'org-zz-Acme_Corp';
    });
    expect(problems).toContainEqual(problem('a.yaml', 'prg-zz-30-people', 'id', /a Commitment id must start with "com-"/));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-Acme_Corp', 'id', /ASCII kebab-case/));
  });

  it('a dangling reference in from, to or onBehalfOf', async () => {
    const problems = await problemsOf((c) => {
      relsOf(c['a.yaml'])[0]!.to = 'agr-zz-nowhere';
      (relsOf(c['a.yaml'])[2]!).onBehalfOf = 'org-zz-nobody';
    });
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-zedville -[PARTY_TO]-> agr-zz-nowhere', 'to', /agr-zz-nowhere is not described .* \(dangling reference\)/));
    expect(problems).toContainEqual(problem('a.yaml', 'per-zz-jean-zorro -[SIGNED]-> agr-zz-zedville-acme', 'onBehalfOf', /org-zz-nobody is not described/));
  });

  it('a relationship between kinds the model does not allow', async () => {
    const problems = await problemsOf((c) => {
      relsOf(c['a.yaml'])[2]!.from = 'org-zz-acme'; // an organisation cannot sign; a person does
      relsOf(c['a.yaml'])[2]!.onBehalfOf = 'per-zz-jean-zorro';
    });
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme -[SIGNED]-> agr-zz-zedville-acme', 'from', /org-zz-acme is an Organisation, but the model allows only Person as start of SIGNED/));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme -[SIGNED]-> agr-zz-zedville-acme', 'onBehalfOf', /allows only Organisation/));
  });

  it('the same id twice in one file, and the same relationship twice', async () => {
    const problems = await problemsOf((c) => {
      nodesOf(c['a.yaml']).push({ ...node(c['a.yaml'], 'org-zz-acme') });
      relsOf(c['a.yaml']).push({ ...relsOf(c['a.yaml'])[0]! });
    });
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme', 'id', /described twice in this file/));
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-zedville -[PARTY_TO]-> agr-zz-zedville-acme', 'key', /listed twice in this file/));
  });

  it('one entity given two different values by two files', async () => {
    const problems = await problemsOf((c) => (node(c['b.yaml'], 'org-zz-acme').name = 'Acme Corporation'));
    expect(problems).toContainEqual(problem('b.yaml', 'org-zz-acme', 'name', /"Acme Corporation" here, but "Acme" in .*a\.yaml/));
  });

  it('one id given another kind by a second file (its prefix says which kind it is)', async () => {
    const problems = await problemsOf((c) => {
      Object.assign(node(c['b.yaml'], 'per-zz-jean-zorro'), { kind: 'Organisation', type: 'other' });
    });
    expect(problems).toContainEqual(problem('b.yaml', 'per-zz-jean-zorro', 'id', /an Organisation id must start with "org-"/));
  });

  it('a partial date that is not one', async () => {
    const problems = await problemsOf((c) => {
      node(c['a.yaml'], 'agr-zz-zedville-acme').date = '2008-02-30';
      (relsOf(c['a.yaml'])[2]!).date = '29/01/2008';
      (c['a.yaml'].source as Record<string, unknown>).date = 2008;
    });
    expect(problems).toContainEqual(problem('a.yaml', 'agr-zz-zedville-acme', 'date', /"2008-02-30" is not a partial date/));
    expect(problems).toContainEqual(problem('a.yaml', 'per-zz-jean-zorro -[SIGNED]-> agr-zz-zedville-acme', 'date', /"29\/01\/2008" is not a partial date/));
    expect(problems).toContainEqual(problem('a.yaml', 'src-zz-a', 'date', /must be a quoted partial date/));
  });

  it('a fact without evidence', async () => {
    const problems = await problemsOf((c) => {
      delete node(c['a.yaml'], 'org-zz-acme').evidence;
      relsOf(c['a.yaml'])[3]!.evidence = [];
    });
    expect(problems).toContainEqual(problem('a.yaml', 'org-zz-acme', 'evidence', /missing: every fact needs at least one exact quote/));
    expect(problems).toContainEqual(problem('a.yaml', 'per-zz-jean-zorro -[HOLDS_ROLE]-> org-zz-zedville', 'evidence', /non-empty list/));
  });

  it('a quote not found byte for byte in its source (a straight apostrophe for a typographic one)', async () => {
    const problems = await problemsOf((c) => {
      (relsOf(c['a.yaml'])[2]!).evidence = ["Jean Zorro, maire de Zedville, l'a signée pour la Ville."];
      node(c['b.yaml'], 'org-zz-acme').evidence = ['la société Acme Inc'];
    });
    expect(problems).toContainEqual(
      problem('a.yaml', 'per-zz-jean-zorro -[SIGNED]-> agr-zz-zedville-acme', 'evidence[0]', /quote not found byte for byte in zz-a\.txt: .*differs only in apostrophes/),
    );
    expect(problems).toContainEqual(problem('b.yaml', 'org-zz-acme', 'evidence[0]', /quote not found byte for byte in zz-b\.txt/));
  });

  it('a source document missing from the sources folder', async () => {
    const problems = await problemsOf((c) => ((c['b.yaml'].source as Record<string, unknown>).file = 'zz-missing.txt'));
    expect(problems).toContainEqual(problem('b.yaml', 'src-zz-b', 'file', /"zz-missing\.txt" is not a file in the sources folder/));
  });

  it('a file that is not valid YAML', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus({ ...corpus, 'b.yaml': 'source:\n  id: src-zz-b\n   file: oops\n' });
    try {
      const before = await graphFingerprint(db);
      const error = (await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir }).catch((e: unknown) => e)) as ImportError;
      expect(error).toBeInstanceOf(ImportError);
      expect(error.problems).toContainEqual(expect.objectContaining({ file: fixture.file('b.yaml'), message: expect.stringMatching(/is not valid YAML: line \d+, column \d+: Nested mappings/) }));
      expect(await graphFingerprint(db)).toEqual(before);
    } finally {
      fixture.remove();
    }
  });

  it('reports every problem of every file at once, not just the first', async () => {
    const problems = await problemsOf((c) => {
      node(c['a.yaml'], 'org-zz-acme').type = 'bank';
      node(c['a.yaml'], 'per-zz-jean-zorro').nickname = 'JZ';
      relsOf(c['b.yaml'])[2]!.to = 'agr-zz-nowhere';
    });
    expect(problems.map((p) => `${p.file}|${p.entity}|${p.field}`)).toEqual([
      'a.yaml|org-zz-acme|type',
      'a.yaml|per-zz-jean-zorro|nickname',
      'b.yaml|org-zz-acme -[PARTY_TO]-> agr-zz-nowhere|to',
    ]);
  });
});
