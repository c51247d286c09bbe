import type { CommentStatus } from "@/lib/generated/prisma/enums";

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
