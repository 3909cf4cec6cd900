/**
 * A short-lived cache for public projections (the portal's lists). An entry is reused
 * only while no action was committed by this process (the journal's version) and for
 * at most `ttlMs`, which bounds how stale a list can be when another server behind the
 * same PostgreSQL made the change. Bounded in size.
 */
export class ProjectionCache<T> {
  private readonly entries = new Map<string, { value: T; version: number; at: number }>();

  constructor(
    private readonly version: () => number,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    // Real elapsed time, for staleness only: a cache, not a date (those come from platform/clock.ts).
    const now = Date.now();
    if (hit && hit.version === this.version() && now - hit.at < this.ttlMs) return hit.value;
    const version = this.version();
    const value = await compute();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, version, at: now });
    return value;
  }
}
