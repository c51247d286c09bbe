import { XMLParser } from "fast-xml-parser";
import { AppError } from "@/lib/errors";

/** The largest export accepted: a WordPress site with years of events and thousands of comments fits well under it. */
export const MAX_WXR_BYTES = 50 * 1024 * 1024;

export type WxrComment = {
  id: string;
  parentId: string | null;
  author: string;
  email: string;
  url: string;
  /** "YYYY-MM-DD HH:mm:ss" in UTC. */
  dateGmt: string;
  content: string;
  /** "1" approved, "0" held, "spam", "trash". */
  approved: string;
  type: string;
};

export type WxrItem = {
  id: string;
  title: string;
  link: string;
  slug: string;
  /** "post", "page", "tribe_events"… */
  type: string;
  /** "publish", "draft", "private"… */
  status: string;
  /** Set on a post only people with the password may read. */
  password: string;
  dateGmt: string;
  contentHtml: string;
  excerpt: string;
  categories: { domain: string; slug: string; name: string }[];
  meta: Record<string, string>;
  comments: WxrComment[];
};

export type Wxr = { siteUrl: string; siteTitle: string; language: string; items: WxrItem[] };

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "object" && "#text" in (value as object)) return String((value as { "#text": unknown })["#text"] ?? "");
  return typeof value === "object" ? "" : String(value);
};

/**
 * A WordPress export (WXR 1.1/1.2, as Tools → Export writes it), read without trusting it: a document type
 * declaration (the way to entity-expansion attacks; WordPress never writes one) is refused before parsing, entities
 * other than XML's own are left as text, and a file that is not a WordPress export is refused with a clear message.
 */
export function parseWxr(xml: string): Wxr {
  if (Buffer.byteLength(xml, "utf8") > MAX_WXR_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "importTooLarge");
  // Anywhere but inside CDATA sections and comments: a post's own HTML (in CDATA) may well hold "<!DOCTYPE html>".
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  if (/<!DOCTYPE|<!ENTITY/i.test(markup)) throw new AppError("INVALID", "importNotWordPress");
  let document: { rss?: { channel?: Record<string, unknown> } };
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      processEntities: true,
      htmlEntities: false,
      parseTagValue: false,
      trimValues: false,
      cdataPropName: false,
      isArray: (name) => ["item", "category", "wp:comment", "wp:postmeta"].includes(name),
    });
    document = parser.parse(xml, true) as typeof document;
  } catch {
    throw new AppError("INVALID", "importNotWordPress");
  }
  const channel = document.rss?.channel;
  if (!channel || !("wp:wxr_version" in channel)) throw new AppError("INVALID", "importNotWordPress");
  const items = asArray(channel.item as Record<string, unknown>[]).map(
    (item): WxrItem => ({
      id: text(item["wp:post_id"]).trim(),
      title: text(item.title).trim(),
      link: text(item.link).trim(),
      slug: text(item["wp:post_name"]).trim(),
      type: text(item["wp:post_type"]).trim(),
      status: text(item["wp:status"]).trim(),
      password: text(item["wp:post_password"]).trim(),
      dateGmt: text(item["wp:post_date_gmt"]).trim(),
      contentHtml: text(item["content:encoded"]),
      excerpt: text(item["excerpt:encoded"]),
      categories: asArray(item.category as Record<string, unknown>[]).map((category) => ({
        domain: text(category["@domain"]),
        slug: text(category["@nicename"]),
        name: text(category).trim(),
      })),
      meta: Object.fromEntries(
        asArray(item["wp:postmeta"] as Record<string, unknown>[]).map((meta) => [text(meta["wp:meta_key"]), text(meta["wp:meta_value"])]),
      ),
      comments: asArray(item["wp:comment"] as Record<string, unknown>[]).map((comment) => {
        const parent = text(comment["wp:comment_parent"]).trim();
        return {
          id: text(comment["wp:comment_id"]).trim(),
          parentId: parent && parent !== "0" ? parent : null,
          author: text(comment["wp:comment_author"]).trim(),
          email: text(comment["wp:comment_author_email"]).trim(),
          url: text(comment["wp:comment_author_url"]).trim(),
          dateGmt: text(comment["wp:comment_date_gmt"]).trim(),
          content: text(comment["wp:comment_content"]),
          approved: text(comment["wp:comment_approved"]).trim(),
          type: text(comment["wp:comment_type"]).trim() || "comment",
        };
      }),
    }),
  );
  return {
    // The blog's own address: on a multisite network base_site_url is the network's, shared by every site.
    siteUrl: text(channel["wp:base_blog_url"]).trim() || text(channel["wp:base_site_url"]).trim() || text(channel.link).trim(),
    siteTitle: text(channel.title).trim(),
    language: text(channel.language).trim(),
    items: items.filter((item) => /^\d+$/.test(item.id)),
  };
}
