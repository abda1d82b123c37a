/**
 * Failed sign-in attempts per client address, in a sliding window: past the limit, the address is refused
 * (429) until its oldest failure leaves the window, so guessing tokens costs minutes per handful of tries.
 * In memory, per API process: behind a load balancer each instance limits on its own.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `address` may try again, or 0 when it may now. */
  retryAfterMs(address: string): number {
    const times = this.recent(address);
    if (times.length < this.limit) return 0;
    return times[times.length - this.limit]! + this.windowMs - this.now();
  }

  fail(address: string): void {
    const times = this.recent(address);
    times.push(this.now());
    this.failures.set(address, times);
    // Bounded memory under a spray of addresses: forget the stalest.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (times.length) this.failures.set(address, times);
    else this.failures.delete(address);
    return times;
  }
}
