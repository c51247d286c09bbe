import type { Database } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { loadApprovedCommentPage } from "./load-approved-comment-page";
import type { ThreadContext } from "./render-comment-thread";
import type { PublicComment } from "./thread-comments";

export type CommentThreadPage = { context: ThreadContext; lastPage: boolean; approved: PublicComment[] };

/**
 * What the comment thread of one page of a published event is made of, as the event page shows it in `locale`
 * ("default": the site's language, from its settings): its approved comments and how to present them. Null when
 * the event is not public.
 */
export async function getCommentThreadPage(options: {
  db: Database;
  slug: string;
  requestedPage: number;
  locale: Locale | "default";
}): Promise<CommentThreadPage | null> {
  const { db, slug } = options;
  const event = await db.event.findFirst({ where: { slug, status: "PUBLISHED" }, select: { id: true, timeZone: true } });
  if (!event) return null;
  const [{ page, pageCount, approved }, locale] = await Promise.all([
    loadApprovedCommentPage({ db, eventId: event.id, requestedPage: options.requestedPage }),
    options.locale === "default" ? getSiteSettings(db).then((settings) => settings.defaultLocale) : options.locale,
  ]);
  return { context: { locale, timeZone: event.timeZone, eventSlug: slug, commentPage: page }, lastPage: page === pageCount, approved };
}
