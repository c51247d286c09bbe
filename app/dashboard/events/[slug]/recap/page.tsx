import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeliveryProgress } from "@/components/dashboard/DeliveryProgress";
import { RecapEditor } from "@/components/dashboard/RecapEditor";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { retryFailedAction } from "./actions";

export default async function RecapEditorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [data, t] = await Promise.all([getRecapForEditing({ db, actor: await currentActor(), eventSlug: slug }), getTranslations("dashboard")]);
  const published = data.recap?.status === "PUBLISHED";
  return (
    <>
      <p>
        <Link href="/dashboard">← {t("overview")}</Link>
      </p>
      <h1>{t("recapEditorFor", { event: data.title })}</h1>
      <p className="muted">
        {data.recap ? (published ? t("statusPublished") : t("statusDraft")) : null} {t("waitingNote", { count: data.waiting })}
      </p>
      {data.recap && (
        <section aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">{t("delivery")}</h2>
          <DeliveryProgress eventSlug={data.slug} initial={data.report} />
          {(data.report.FAILED ?? 0) > 0 && (
            <form action={retryFailedAction}>
              <input type="hidden" name="eventSlug" value={data.slug} />
              <button type="submit" className="button button--small">
                {t("retryFailed")}
              </button>
            </form>
          )}
        </section>
      )}
      <RecapEditor
        eventSlug={data.slug}
        published={published}
        unansweredAskers={data.unansweredAskers}
        saved={data.recap ? { body: data.recap.body, links: data.recap.links } : null}
      />
      {data.recap && (
        <section aria-labelledby="preview-heading" className="recap">
          <h2 id="preview-heading">{t("preview")}</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: renderTopicMarkdown(data.recap.body) }} />
        </section>
      )}
    </>
  );
}
