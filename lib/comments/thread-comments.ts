import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { MAX_REPLY_DEPTH } from "./reply-depth";

export type PublicComment = {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  /** Written by one of the site's hosts (shown with a badge). */
  byHost: boolean;
};

export type CommentThread = PublicComment & { replies: CommentThread[] };

/** Builds reply trees from a flat, chronologically sorted list. Orphans (parent not visible) become top-level. */
export function threadComments(comments: PublicComment[]): CommentThread[] {
  const byId = new Map<string, CommentThread>();
  for (const comment of comments) byId.set(comment.id, { ...comment, replies: [] });
  const roots: CommentThread[] = [];
  for (const comment of byId.values()) {
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(comment);
    else roots.push(comment);
  }
  return roots;
}

/**
 * The comments one reader sees on a page of an event: its approved comments, plus the reader's own that await
 * moderation — a reply under a comment shown here (or under another of theirs shown here) as deep as replies go
 * ({@link MAX_REPLY_DEPTH}), a new conversation at the end of the last page — in chronological order. The page
 * Next.js renders and the one the page cache completes for that reader both use it.
 */
export function withOwnPendingComments(approved: PublicComment[], ownPending: PublicComment[], options: { lastPage: boolean }): PublicComment[] {
  const byId = new Map(approved.map((comment) => [comment.id, comment]));
  const depths = new Map<string, number>();
  const depthOf = (comment: PublicComment): number => {
    let depth = depths.get(comment.id);
    if (depth === undefined) {
      const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
      depth = parent ? depthOf(parent) + 1 : 0;
      depths.set(comment.id, depth);
    }
    return depth;
  };
  const shown: PublicComment[] = [];
  let waiting = ownPending;
  // A reply of theirs to another of their held replies is shown once that one is: repeat until nothing moves.
  for (let added = true; added; ) {
    added = false;
    const still: PublicComment[] = [];
    for (const comment of waiting) {
      const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
      const visible = comment.parentId === null ? options.lastPage : parent !== undefined && depthOf(parent) < MAX_REPLY_DEPTH;
      if (visible) {
        byId.set(comment.id, comment);
        shown.push(comment);
        added = true;
      } else still.push(comment);
    }
    waiting = still;
  }
  return [...approved, ...shown].sort(chronologically);
}

/** Oldest first; comments posted in the same millisecond by id, so every page orders them alike. */
export function chronologically(a: PublicComment, b: PublicComment): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
