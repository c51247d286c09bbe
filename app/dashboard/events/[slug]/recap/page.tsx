import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeliveryProgress } from "@/components/dashboard/DeliveryProgress";
import { RecapEditor } from "@/components/dashboard/RecapEditor";
import { RecapOutlookForm } from "@/components/dashboard/RecapOutlookForm";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { knownErrorKey } from "@/lib/i18n/messages";
import { recapDeliveryAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ requeued?: string; unpublished?: string; error?: string }> };

export default async function RecapEditorPage({ params, searchParams }: Props) {
  const [{ slug }, outcome] = await Promise.all([params, searchParams]);
  const [data, t, tErrors] = await Promise.all([
    forPage(getRecapForEditing({ db, actor: await pageActor(), eventSlug: slug })),
    getTranslations("dashboard"),
    getTranslations("errors"),
  ]);
  const published = data.recap?.status === "PUBLISHED";
  const deliveryForm = (intent: string, label: string, className = "button button--small") => (
    <form action={recapDeliveryAction}>
      <input type="hidden" name="eventSlug" value={data.slug} />
      <button type="submit" name="intent" value={intent} className={className}>
        {label}
      </button>
    </form>
  );
  return (
    <>
      <p>
        <Link href="/dashboard">← {t("overview")}</Link>
      </p>
      <h1>{t("recapEditorFor", { event: data.title })}</h1>
      <div role="status" aria-live="polite">
        {outcome.requeued !== undefined && <p className="notice notice--success">{t("requeued", { count: Number(outcome.requeued) || 0 })}</p>}
        {outcome.unpublished !== undefined && <p className="notice notice--success">{t("unpublished", { count: Number(outcome.unpublished) || 0 })}</p>}
        {outcome.error && (
          <p className="notice notice--error" role="alert">
            {tErrors(knownErrorKey(outcome.error))}
          </p>
        )}
      </div>
      <p className="muted">
        {data.recap ? (published ? t("statusPublished") : t("statusDraft")) : null}{" "}
        <span data-testid="recap-counts">{t("countsNote", { waiting: data.counts.waiting, sent: data.counts.sent, withdrawn: data.counts.withdrawn })}</span>
      </p>
      {!published && data.eventPublished && <RecapOutlookForm eventSlug={data.slug} saved={data.outlook} />}
      {data.recap && (
        <section aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">{t("delivery")}</h2>
          {data.preparing && <p className="muted">{t("preparing", { done: data.preparing.done, total: data.preparing.total })}</p>}
          <DeliveryProgress eventSlug={data.slug} initial={data.report} preparing={data.preparing} />
          {(data.report.FAILED ?? 0) > 0 && deliveryForm("retry-failed", t("retryFailed"))}
          {data.ambiguous.length > 0 && (
            <section className="notice" aria-labelledby="ambiguous-heading">
              <h3 id="ambiguous-heading">{t("ambiguousTitle")}</h3>
              <p>{t("ambiguousText")}</p>
              <ul>
                {data.ambiguous.map((email) => (
                  <li key={email.id}>
                    {email.toAddress}
                    {email.lastError ? <span className="muted"> — {email.lastError}</span> : null}
                  </li>
                ))}
              </ul>
              <p>
                <strong>{t("ambiguousWarning")}</strong>
              </p>
              {deliveryForm("resend-ambiguous", t("resendAmbiguous", { count: data.report.AMBIGUOUS ?? data.ambiguous.length }))}
            </section>
          )}
        </section>
      )}
      <RecapEditor
        eventSlug={data.slug}
        published={published}
        waiting={data.counts.waiting}
        unansweredAskers={data.unansweredAskers}
        saved={data.recap ? { body: data.recap.body, links: data.recap.links } : null}
      />
      {published && (
        <details className="danger-zone">
          <summary>{t("unpublishRecap")}</summary>
          <p>{t("unpublishConfirm")}</p>
          {deliveryForm("unpublish", t("unpublishRecap"), "button button--quiet")}
        </details>
      )}
    </>
  );
}
