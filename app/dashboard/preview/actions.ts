"use server";

import { currentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";

/** The live preview of a host's Markdown while they type (with JavaScript): exactly what readers will see. */
export async function previewMarkdownAction(markdown: string): Promise<string> {
  if (!can(await currentActor(), "event:edit") || typeof markdown !== "string" || markdown.length > 60_000) return "";
  return renderTopicMarkdown(markdown);
}
