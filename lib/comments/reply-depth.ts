/**
 * Replies nest this deep at most: 0 is a conversation's first comment, 3 the deepest reply the page
 * shows. A reply to a comment at the deepest level attaches beside it (to the same parent), as
 * WordPress does, so every approved comment is shown. The form, the JSON API and the host's replies
 * follow this one rule.
 */
export const MAX_REPLY_DEPTH = 3;

/** Where a reply to `target` goes: its parent and depth. */
export function replyPlacement(target: { id: string; parentId: string | null; depth: number }): { parentId: string; depth: number } {
  if (target.depth >= MAX_REPLY_DEPTH && target.parentId) return { parentId: target.parentId, depth: MAX_REPLY_DEPTH };
  return { parentId: target.id, depth: target.depth + 1 };
}
