/**
 * Counts attempts per key in a fixed window and says when a key has used up its allowance. Kept in the
 * process's memory: each app instance counts on its own, which bounds guessing per instance; the limit
 * resets when the process restarts.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns the seconds to wait when the key is over its limit, else null. */
  attempt(key: string): number | null {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.sweep(now);
      return null;
    }
    window.count += 1;
    return window.count > this.max ? Math.ceil((window.start + this.windowMs - now) / 1000) : null;
  }

  /** Forgets expired windows now and then, so the map does not grow with every address ever seen. */
  private sweep(now: number) {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
