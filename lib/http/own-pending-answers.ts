import type { PublicComment } from "@/lib/comments/thread-comments";
import { lastLocalWriteAt } from "@/lib/db/write-clock";

const MAX_ANSWER_CHARS = 16_000;

/**
 * Which of a reader's comments (the ids in their cookie) await moderation on an event, remembered per event page
 * version: a reader who reloads, or whose comments were all moderated long ago but who kept the cookie, costs no
 * query while the page is unchanged. Moderating a comment changes the page's version; a comment the reader posts
 * changes their cookie. What changes neither (a comment erased with its author's data) is seen after `maxAgeMs`,
 * or at once when this process made the change (./write-clock.ts, as ./page-versions.ts does).
 */
export class OwnPendingAnswers {
  private readonly answers = new Map<string, { version: string; readAt: number; comments: Promise<PublicComment[]> }>();

  constructor(
    private readonly options: {
      read: (eventSlug: string, ownCommentIds: string[]) => Promise<PublicComment[]>;
      maxAgeMs: number;
      maxEntries: number;
      now?: () => number;
      lastWriteAt?: () => number;
    },
  ) {}

  get(eventSlug: string, ownCommentIds: string[], version: string): Promise<PublicComment[]> {
    const key = `${eventSlug}|${[...ownCommentIds].sort().join(".")}`;
    const now = this.now();
    const known = this.answers.get(key);
    this.answers.delete(key);
    if (known && known.version === version && now - known.readAt < this.options.maxAgeMs && known.readAt > (this.options.lastWriteAt ?? lastLocalWriteAt)()) {
      // Most recently used last, so the bound drops the oldest.
      this.answers.set(key, known);
      return known.comments;
    }
    const answer = { version, readAt: now, comments: this.options.read(eventSlug, ownCommentIds) };
    this.answers.set(key, answer);
    // A failed read is not remembered, nor a large answer (the memory stays within maxEntries × MAX_ANSWER_CHARS).
    const forget = () => {
      if (this.answers.get(key) === answer) this.answers.delete(key);
    };
    answer.comments.then((comments) => {
      if (comments.reduce((chars, comment) => chars + comment.body.length + comment.authorName.length + (comment.authorUrl?.length ?? 0), 0) > MAX_ANSWER_CHARS)
        forget();
    }, forget);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.options.maxEntries) break;
      this.answers.delete(oldest);
    }
    return answer.comments;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
