/**
 * Rendered pages kept in memory, each rendered at one content version and good for `ttlMs` (for what
 * changes with time alone, such as "upcoming" becoming "past"). An entry whose version moved on, or
 * that is older than that, is stale: still kept, to be served while one request renders the page
 * again (stale-while-revalidate), never longer than that render. Several instances each have their
 * own; correctness comes from the version, which every instance checks (./page-versions.ts).
 */
export type CachedPage = { status: number; headers: Record<string, string | string[]>; body: Buffer };

/** What is built from a kept page once (see {@link PageCache.derive}), counted in the cache's memory. */
type Derived = { value: Promise<unknown>; bytes: number };
type Entry = { version: string; storedAt: number; page: CachedPage; derived?: Derived };

/** How long a render may keep others waiting or served a stale page before another request tries. */
const RENDER_PATIENCE_MS = 10_000;

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, { startedAt: number; done: Promise<void>; finish: () => void }>();
  private bytes = 0;

  constructor(private readonly options: { maxBytes: number; ttlMs: number; now?: () => number }) {}

  /** The page kept for `key`, and whether it is fresh for `version`; undefined when none is kept. */
  get(key: string, version: string): { page: CachedPage; fresh: boolean } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { page: entry.page, fresh: entry.version === version && this.now() - entry.storedAt <= this.options.ttlMs };
  }

  /** Keeps `page` for `key` in place of the earlier copy; a page too large to keep only removes that copy. */
  set(key: string, version: string, page: CachedPage): void {
    this.delete(key);
    if (page.body.length > this.options.maxBytes / 4) return;
    this.entries.set(key, { version, storedAt: this.now(), page });
    this.bytes += page.body.length;
    this.evict(key);
  }

  /** Drops the least recently used entries (never `keep`) until the cache is within its memory again. */
  private evict(keep: string): void {
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      if (oldest !== keep) this.delete(oldest);
    }
    // Alone, the entry kept and what was built from it are still too large: it goes too.
    if (this.bytes > this.options.maxBytes) this.delete(keep);
  }

  /**
   * What `build` makes from the page kept for `key` (the page a reader with a comment awaiting moderation gets
   * is built from the shared one: lib/http/personal-event-page.ts), built once per kept page however many
   * requests ask at the same moment, kept and counted with it, and gone with it. Null when `page` is no longer
   * the one kept, or `build` found nothing to make; a failed build is not kept, so the next request tries again.
   */
  async derive<T>(key: string, page: CachedPage, build: () => Promise<{ value: T; bytes: number } | null>): Promise<T | null> {
    const entry = this.entries.get(key);
    if (entry?.page !== page) return null;
    if (!entry.derived) {
      const derived: Derived = { value: Promise.resolve(null), bytes: 0 };
      derived.value = build().then(
        (built) => {
          // Kept only within a page's share of the cache, like pages themselves; built again each time otherwise.
          if (built && entry.page.body.length + built.bytes > this.options.maxBytes / 4) {
            if (entry.derived === derived) entry.derived = undefined;
          } else if (built && entry.derived === derived && this.entries.get(key) === entry) {
            derived.bytes = built.bytes;
            this.bytes += built.bytes;
            this.evict(key);
          }
          return built?.value ?? null;
        },
        (error: unknown) => {
          if (entry.derived === derived) entry.derived = undefined;
          throw error;
        },
      );
      entry.derived = derived;
    }
    return (await entry.derived.value) as T | null;
  }

  /**
   * Claims the render of `key`: returns a function to call when it is over (kept or not), or null
   * when another request is rendering it already.
   */
  startRender(key: string): (() => void) | null {
    const current = this.rendering.get(key);
    if (current && this.now() - current.startedAt < RENDER_PATIENCE_MS) return null;
    let finish = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const claim = { startedAt: this.now(), done, finish };
    this.rendering.set(key, claim);
    return () => {
      if (this.rendering.get(key) === claim) this.rendering.delete(key);
      claim.finish();
    };
  }

  /** Resolves when the render of `key` under way is over (at once when none is). */
  renderDone(key: string): Promise<void> {
    return this.rendering.get(key)?.done ?? Promise.resolve();
  }

  /** Forgets the copy kept for `key`, if any. */
  drop(key: string): void {
    this.delete(key);
  }

  /** Bytes of page bodies kept and of what was built from them, never more than `maxBytes`. */
  get usedBytes(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.page.body.length + (entry.derived?.bytes ?? 0);
    entry.derived = undefined;
    this.entries.delete(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
