import { lastLocalWriteAt } from "@/lib/db/write-clock";

/**
 * The content version of each event page, as the page cache checks it, read from the database at most
 * once per `maxAgeMs` per page instead of once per request. Concurrent requests share one read.
 * A version read before this process's last write (./write-clock.ts) is read again, so this instance
 * serves its own changes at once; changes made elsewhere (another instance, the worker) are seen when
 * the copy expires, at most `maxAgeMs` later.
 */
export class PageVersions {
  private readonly known = new Map<string, { version: string | null; readAt: number }>();
  private readonly reading = new Map<string, { startedAt: number; read: Promise<string | null> }>();

  constructor(
    private readonly options: {
      maxAgeMs: number;
      read: (slug: string) => Promise<string | null>;
      now?: () => number;
      lastWriteAt?: () => number;
      maxPages?: number;
    },
  ) {}

  /** The version of `slug` when a copy recent enough is known (what {@link get} would answer at once), else undefined. */
  peek(slug: string): string | null | undefined {
    const copy = this.known.get(slug);
    if (copy && this.now() - copy.readAt < this.options.maxAgeMs && copy.readAt > (this.options.lastWriteAt ?? lastLocalWriteAt)()) return copy.version;
    return undefined;
  }

  async get(slug: string): Promise<string | null> {
    const known = this.peek(slug);
    if (known !== undefined) return known;
    const now = this.now();
    const lastWrite = (this.options.lastWriteAt ?? lastLocalWriteAt)();
    // A read under way is shared, unless it started before this process's last write (it may miss it).
    const pending = this.reading.get(slug);
    if (pending && pending.startedAt > lastWrite) return pending.read;
    const reading = {
      startedAt: now,
      read: this.options.read(slug).then((version) => {
        // Stamped with when the read started: a write that finished after it makes it stale.
        // (A read that started earlier and ends later does not replace a newer one's copy.)
        if ((this.known.get(slug)?.readAt ?? Number.NEGATIVE_INFINITY) <= now) this.remember(slug, { version, readAt: now });
        return version;
      }),
    };
    const done = () => {
      if (this.reading.get(slug) === reading) this.reading.delete(slug);
    };
    reading.read.then(done, done);
    this.reading.set(slug, reading);
    return reading.read;
  }

  private remember(slug: string, copy: { version: string | null; readAt: number }): void {
    this.known.delete(slug);
    this.known.set(slug, copy);
    // A bounded map: unknown slugs asked for by a crawler must not grow it without end.
    const maxPages = this.options.maxPages ?? 10_000;
    for (const oldest of this.known.keys()) {
      if (this.known.size <= maxPages) break;
      this.known.delete(oldest);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
