"use client";

import { useEffect, useState, useTransition } from "react";
import { previewMarkdownAction } from "@/app/dashboard/preview/actions";

/**
 * Shows a textarea's Markdown as readers will see it, updated as the host types (with JavaScript). Without
 * JavaScript the editor's "Preview" button does the same on demand.
 */
export function MarkdownPreview({ textareaId, title, initialHtml }: { textareaId: string; title: string; initialHtml?: string }) {
  const [html, setHtml] = useState(initialHtml ?? "");
  const [, startTransition] = useTransition();
  useEffect(() => {
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!textarea) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => startTransition(async () => setHtml(await previewMarkdownAction(textarea.value))), 300);
    };
    update();
    textarea.addEventListener("input", update);
    return () => {
      clearTimeout(timer);
      textarea.removeEventListener("input", update);
    };
  }, [textareaId]);
  if (!html) return null;
  return (
    <section className="recap preview" aria-label={title}>
      <h2>{title}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server's own Markdown rendering (lib/markdown), the same HTML the page will show */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
