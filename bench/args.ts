/** Command-line options `--name value` for the bench scripts: unknown or malformed options stop with a usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Args {
  int(name: string, fallback: number | undefined, min?: number): number;
  string(name: string): string | undefined;
  flag(name: string): boolean;
}

export function parseArgs(argv: string[], known: Record<string, 'int' | 'string' | 'flag'>, usage: string): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !(m[1]! in known)) throw new UsageError(`unknown argument "${arg}"; usage: ${usage}`);
    if (known[m[1]!] === 'flag') {
      values.set(m[1]!, 'true');
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value; usage: ${usage}`);
    values.set(m[1]!, value);
  }
  return {
    int(name, fallback, min = 0) {
      const raw = values.get(name);
      if (raw === undefined) {
        if (fallback === undefined) throw new UsageError(`--${name} is required; usage: ${usage}`);
        return fallback;
      }
      const n = Number(raw.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
      if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
      return n;
    },
    string: (name) => values.get(name),
    flag: (name) => values.has(name),
  };
}
