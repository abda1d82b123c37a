/**
 * Seeded randomness. The corpus must be the same for a seed on every machine, so nothing here touches
 * Math.random: one stream drives the corpus's structure, and each entity's own properties come from a
 * generator seeded by (seed, kind, index), so a file can restate any entity without remembering it.
 */

/** mulberry32: tiny, fast, and good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /**
   * An index in [0, n) whose frequency falls off as a power law: index k is drawn about k^(1/alpha - 1)
   * times as often as index 1, so the first few are hubs and most indexes are drawn a handful of times.
   */
  powerLaw(n: number, alpha: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), alpha)));
  }
}

/** FNV-1a over a string: turns (seed, kind, index) into the seed of that entity's own generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The generator of one entity's properties: the same for (seed, kind, key) wherever it is asked for. */
export function entityRng(seed: number, kind: string, key: string | number): Rng {
  const rng = new Rng(hash(`${seed}:${kind}:${key}`));
  rng.next(); // the first draw of a fresh mulberry32 is poorly mixed for nearby seeds
  return rng;
}
