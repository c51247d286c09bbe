/**
 * Rendered pages kept in memory, each valid for one content version and at most `ttlMs` (for
 * what changes with time alone, such as "upcoming" becoming "past"). Several instances each have
 * their own: correctness comes from the version, read from the shared database per request.
 */
export type CachedPage = { status: number; headers: Record<string, string | string[]>; body: Buffer };

export class PageCache {
  private readonly entries = new Map<string, { version: string; storedAt: number; page: CachedPage }>();
  private bytes = 0;

  constructor(private readonly options: { maxBytes: number; ttlMs: number; now?: () => number }) {}

  get(key: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || this.now() - entry.storedAt > this.options.ttlMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  set(key: string, version: string, page: CachedPage): void {
    if (page.body.length > this.options.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { version, storedAt: this.now(), page });
    this.bytes += page.body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.page.body.length;
    this.entries.delete(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
