/** A progress line on long imports only: nothing for the first seconds, then at most one line per interval. */
export class Progress {
  private readonly started = Date.now();
  private last = Date.now();

  constructor(
    private readonly emit: ((line: string) => void) | undefined,
    private readonly everyMs = 2000,
  ) {}

  tick(line: () => string): void {
    if (!this.emit) return;
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    this.emit(`${line()} (${((now - this.started) / 1000).toFixed(1)} s)`);
  }
}

export const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
