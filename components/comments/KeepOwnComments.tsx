"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** The pages (path and query) whose thread showed this reader's comments awaiting moderation when it was loaded. */
const pagesWithOwnComments = new Set<string>();

/**
 * A reader's comments awaiting moderation are added to the shared page by the server (lib/http/personal-event-page.ts);
 * the page's data Next.js keeps for client-side navigation is the shared page's, without them. When the page is
 * shown again from that data (Back, say) and they are missing, it is asked again for this reader.
 */
export function KeepOwnComments() {
  const router = useRouter();
  useEffect(() => {
    const page = location.pathname + location.search;
    if (document.querySelector(".comment-thread .comment__card--pending")) pagesWithOwnComments.add(page);
    else if (pagesWithOwnComments.delete(page)) router.refresh();
  }, [router]);
  return null;
}
