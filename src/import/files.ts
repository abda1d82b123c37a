import fs from 'node:fs';
import path from 'node:path';

/** Thrown when a path given to the importer does not exist or holds no corpus file. */
export class CorpusPathError extends Error {
  override name = 'CorpusPathError';
}

const isCorpusFile = (name: string) => /\.(ya?ml|jsonl)$/i.test(name);

/**
 * The corpus files named by the arguments: files as given, directories as all their *.yaml files in name
 * order (the order matters only for reading: the result of an import does not depend on it).
 */
export function listCorpusFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new CorpusPathError(`${p}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      const inside = fs
        .readdirSync(p)
        .filter(isCorpusFile)
        .sort()
        .map((name) => path.join(p, name));
      if (!inside.length) throw new CorpusPathError(`${p}: the directory holds no .yaml or .jsonl file`);
      files.push(...inside);
    } else {
      files.push(p);
    }
  }
  if (!files.length) throw new CorpusPathError('no corpus file given');
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
