import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ROOT } from '../src/config';

/** A fresh clone has the repository and nothing beside it (a clone once failed to start: its sources lived outside). */
describe('the repository carries everything it cites', () => {
  const sourcesDir = path.join(ROOT, 'data', 'sources');

  it('takes the source documents from data/sources by default', () => {
    expect(loadConfig({}).sourcesDir).toBe(sourcesDir);
  });

  it('keeps every source document byte for byte, as its README records (sha256)', () => {
    const readme = fs.readFileSync(path.join(sourcesDir, 'README.md'), 'utf8');
    const recorded = [...readme.matchAll(/^\| (\S+\.txt) \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]);
    const files = fs.readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort();
    expect(recorded.map(([file]) => file).sort()).toEqual(files);
    for (const [file, hash] of recorded) {
      expect([file, crypto.createHash('sha256').update(fs.readFileSync(path.join(sourcesDir, file!))).digest('hex')]).toEqual([file, hash]);
    }
  });

  it('refers to no folder outside the repository in any tracked file', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('package-lock.json') && !f.endsWith('.png') && !f.startsWith('data/sources/'));
    const outside = /\.\.\/(shared|seeds)\b/;
    const offenders = tracked.filter((f) => fs.existsSync(path.join(ROOT, f)) && outside.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
