/**
 * The ids of comments this browser posted that still await moderation, kept in a cookie so their
 * author sees them marked "awaiting moderation" and nobody else does. Ids are unguessable cuids.
 */
export const OWN_COMMENTS_COOKIE = "debrief_own_comments";
const MAX_REMEMBERED = 20;

export function parseOwnCommentIds(cookieValue: string | undefined): string[] {
  if (!cookieValue) return [];
  return cookieValue
    .split(".")
    .filter((id) => /^[a-z0-9]{20,40}$/.test(id))
    .slice(-MAX_REMEMBERED);
}

export function rememberOwnComment(cookieValue: string | undefined, id: string): string {
  return [...parseOwnCommentIds(cookieValue).filter((existing) => existing !== id), id].slice(-MAX_REMEMBERED).join(".");
}
