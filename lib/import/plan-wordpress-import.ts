import { randomUUID } from "node:crypto";
import { hashBody } from "@/lib/comments/hash";
import { MAX_REPLY_DEPTH } from "@/lib/comments/reply-depth";
import { slugify } from "@/lib/events/slugify";
import { zonedLocalToUtc } from "@/lib/i18n/zoned-time";
import type { Locale } from "@/lib/i18n/locales";
import { recogniseRecapRequest } from "@/lib/recaps/recognise-recap-request";
import { cleanLine, cleanText } from "@/lib/security/clean-text";
import { decodeEntities, htmlToMarkdown, htmlToText } from "./html-to-markdown";
import type { Wxr, WxrItem } from "./parse-wxr";
import { readEventDate } from "./read-event-date";
import { readEventDetails } from "./read-event-details";

export type WordPressImportOptions = {
  /** Category slugs (any of them): only posts filed there become events. None: every post. */
  categories?: string[];
  /** Tag slugs (any of them), likewise. */
  tags?: string[];
  /** Drafts (and scheduled or pending posts) are imported as drafts. */
  includeDrafts?: boolean;
  /** Pages too. */
  includePages?: boolean;
};

export type PlannedComment = {
  id: string;
  importKey: string;
  wordpressId: string;
  wordpressParentId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  bodyHash: string;
  status: "APPROVED" | "PENDING";
  asksForRecap: boolean;
  createdAt: Date;
};

export type PlannedEvent = {
  importKey: string;
  wordpressId: string;
  title: string;
  slug: string;
  status: "PUBLISHED" | "DRAFT";
  dateToCheck: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  hostNames: string;
  summary: string;
  topic: string;
  language: Locale;
  publishedAt: Date | null;
  comments: PlannedComment[];
  skippedComments: { spam: number; trash: number; pingback: number };
};

export type WordPressPlan = { source: string; events: PlannedEvent[]; skippedPosts: { title: string; reason: "type" | "status" | "filter" }[] };

/** "2019-03-10 09:12:00" (UTC) as a date; null for WordPress's "0000-00-00 00:00:00". */
function gmt(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match || match[1] === "0000") return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sourceOf(wxr: Wxr): string {
  try {
    const url = new URL(wxr.siteUrl);
    return `${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return wxr.siteUrl.replace(/[^\w.:/-]/g, "").slice(0, 200) || "wordpress";
  }
}

/** The Events Calendar's start and end ("YYYY-MM-DD HH:mm:ss" on the event's wall clock, in its own zone). */
function eventsCalendarDates(item: WxrItem, timeZone: string): { startsAt: Date; endsAt: Date } | null {
  const wall = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? value.slice(0, 16).replace(" ", "T") : null);
  const start = wall(item.meta._EventStartDate);
  if (!start) return null;
  const zone = item.meta._EventTimezone && /^[A-Za-z_]+\/[A-Za-z_/+-]+$|^UTC$/.test(item.meta._EventTimezone) ? item.meta._EventTimezone : timeZone;
  try {
    const startsAt = zonedLocalToUtc(start, zone);
    const end = wall(item.meta._EventEndDate);
    const endsAt = end ? zonedLocalToUtc(end, zone) : new Date(startsAt.getTime() + 2 * 3_600_000);
    return { startsAt, endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 2 * 3_600_000) };
  } catch {
    return null;
  }
}

function plannedComments(item: WxrItem, source: string): Pick<PlannedEvent, "comments" | "skippedComments"> {
  const skippedComments = { spam: 0, trash: 0, pingback: 0 };
  const comments: PlannedComment[] = [];
  for (const comment of item.comments) {
    if (comment.type === "pingback" || comment.type === "trackback") {
      skippedComments.pingback += 1;
      continue;
    }
    if (comment.approved === "spam") {
      skippedComments.spam += 1;
      continue;
    }
    if (comment.approved !== "1" && comment.approved !== "0") {
      skippedComments.trash += 1;
      continue;
    }
    const body = cleanText(htmlToMarkdown(comment.content)).slice(0, 10_000);
    if (!body) continue;
    const url = /^https?:\/\/[^\s]+$/i.test(comment.url) ? comment.url.slice(0, 500) : null;
    comments.push({
      id: randomUUID(),
      importKey: `wordpress:${source}:comment:${comment.id}`,
      wordpressId: comment.id,
      wordpressParentId: comment.parentId,
      authorName: cleanLine(decodeEntities(comment.author)).slice(0, 100) || "Anonyme",
      authorEmail: comment.email.toLowerCase().slice(0, 254),
      authorUrl: url,
      body,
      bodyHash: hashBody(body),
      status: comment.approved === "1" ? "APPROVED" : "PENDING",
      asksForRecap: recogniseRecapRequest(body).asksForRecap,
      createdAt: gmt(comment.dateGmt) ?? new Date(0),
    });
  }
  // Parents first: WordPress numbers comments in the order they were written.
  comments.sort((a, b) => Number(a.wordpressId) - Number(b.wordpressId));
  return { comments, skippedComments };
}

/**
 * What importing a WordPress export would do, without writing anything: which posts become events (with the
 * date read from The Events Calendar's fields, else from the text, else "to check"), which comments come along
 * and which are left (spam, trash, pingbacks), which posts are skipped and why. The dashboard shows it as the
 * preview; the import carries it out.
 */
export function planWordPressImport(wxr: Wxr, options: WordPressImportOptions, site: { timeZone: string; defaultLocale: Locale }): WordPressPlan {
  const source = sourceOf(wxr);
  const skippedPosts: WordPressPlan["skippedPosts"] = [];
  const events: PlannedEvent[] = [];
  const filters = [...(options.categories ?? []).map((slug) => `category:${slug}`), ...(options.tags ?? []).map((slug) => `post_tag:${slug}`)];
  const venues = new Map(wxr.items.filter((item) => item.type === "tribe_venue").map((item) => [item.id, item]));
  for (const item of wxr.items) {
    if (
      item.type === "tribe_venue" ||
      item.type === "tribe_organizer" ||
      item.type === "attachment" ||
      item.type === "nav_menu_item" ||
      item.type === "wp_block"
    )
      continue;
    const isEvent = item.type === "tribe_events";
    if (!(item.type === "post" || isEvent || (item.type === "page" && options.includePages))) {
      skippedPosts.push({ title: item.title, reason: "type" });
      continue;
    }
    const draft = item.status !== "publish";
    // A password-protected post was for members only: it is not made public here.
    if (
      item.password ||
      item.status === "private" ||
      item.status === "trash" ||
      item.status === "inherit" ||
      item.status === "auto-draft" ||
      (draft && !options.includeDrafts)
    ) {
      skippedPosts.push({ title: item.title, reason: "status" });
      continue;
    }
    if (
      filters.length &&
      !item.categories.some((category) => filters.includes(`${category.domain === "tribe_events_cat" ? "category" : category.domain}:${category.slug}`))
    ) {
      skippedPosts.push({ title: item.title, reason: "filter" });
      continue;
    }
    const text = htmlToText(item.contentHtml);
    const postedAt = gmt(item.dateGmt) ?? new Date();
    const fromCalendar = isEvent ? eventsCalendarDates(item, site.timeZone) : null;
    const read = fromCalendar ? null : readEventDate(`${item.title}. ${text}`, postedAt, site.timeZone);
    // A date half read (no hour) or guessed (a year-less day already past when the post was written: a report, or
    // next year's event?) is a placeholder for a host to check, never published as it is.
    const dates = fromCalendar ?? (read && !read.timeMissing && !read.yearGuessed ? read : null);
    const details = read ? readEventDetails(`${item.title}. ${text}`, read.index + read.length) : { venueName: "", venueAddress: "", hostNames: [] };
    const venue = isEvent && item.meta._EventVenueID ? venues.get(item.meta._EventVenueID) : undefined;
    const title = cleanLine(decodeEntities(item.title)).slice(0, 200) || `WordPress ${item.id}`;
    const excerpt = cleanLine(htmlToText(item.excerpt));
    const summarySource = (excerpt || text).replace(/\s+/g, " ");
    const summary = (summarySource.length > 280 ? `${summarySource.slice(0, 277).replace(/\s+\S*$/, "")}…` : summarySource) || title;
    // WordPress writes its install language ("en-US" on many French sites): the text says more.
    const language: Locale = read?.language ?? site.defaultLocale;
    const dateToCheck = !dates;
    const startsAt = dates?.startsAt ?? read?.startsAt ?? postedAt;
    events.push({
      importKey: `wordpress:${source}:post:${item.id}`,
      wordpressId: item.id,
      title,
      slug: slugify(item.slug && /^[a-z0-9-]+$/.test(item.slug) ? item.slug : title) || `wordpress-${item.id}`,
      status: draft || dateToCheck ? "DRAFT" : "PUBLISHED",
      dateToCheck,
      startsAt,
      endsAt: dates?.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
      timeZone: site.timeZone,
      venueName: cleanLine(venue ? decodeEntities(venue.title) : details.venueName).slice(0, 200),
      venueAddress: cleanLine(
        venue ? [venue.meta._VenueAddress, venue.meta._VenueZip, venue.meta._VenueCity].filter(Boolean).join(", ") : details.venueAddress,
      ).slice(0, 300),
      hostNames: details.hostNames.join("\n"),
      summary: cleanLine(summary).slice(0, 500),
      topic: cleanText(htmlToMarkdown(item.contentHtml)).slice(0, 50_000),
      language,
      publishedAt: draft ? null : postedAt,
      ...plannedComments(item, source),
    });
  }
  return { source, events, skippedPosts };
}

/** How deep a reply goes under its (already placed) parent, as the site's threads allow. */
export function placeUnder(parent: { id: string; parentId: string | null; depth: number } | undefined): { parentId: string | null; depth: number } {
  if (!parent) return { parentId: null, depth: 0 };
  if (parent.depth >= MAX_REPLY_DEPTH) return { parentId: parent.parentId, depth: MAX_REPLY_DEPTH };
  return { parentId: parent.id, depth: parent.depth + 1 };
}
