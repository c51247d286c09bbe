import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmbedSnippets } from "@/components/dashboard/EmbedSnippets";
import { EventEditor } from "@/components/dashboard/EventEditor";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getEventForEditing } from "@/lib/events/get-event-for-editing";
import { utcToZonedLocal } from "@/lib/i18n/zoned-time";
import { knownErrorKey } from "@/lib/i18n/messages";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { deleteEventAction } from "../../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string; error?: string }> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const [{ slug }, { saved, error }] = await Promise.all([params, searchParams]);
  const actor = await pageActor();
  const [event, t, tErrors, settings] = await Promise.all([
    forPage(getEventForEditing({ db, actor, slug })),
    getTranslations("dashboard"),
    getTranslations("errors"),
    siteSettingsForRequest(),
  ]);
  const { id: _id, _count, coverAssetId, ...fields } = event;
  const initial = {
    ...fields,
    startsAt: utcToZonedLocal(event.startsAt, event.timeZone),
    endsAt: utcToZonedLocal(event.endsAt, event.timeZone),
  };
  return (
    <>
      <p>
        <Link href="/dashboard">← {t("overview")}</Link> · <Link href={`/events/${event.slug}`}>{t("viewPage")}</Link> ·{" "}
        <Link href={`/dashboard/events/${event.slug}/recap`}>{t("recapEditor")}</Link>
      </p>
      <h1>{t("editEvent")}</h1>
      <EventEditor
        existingSlug={event.slug}
        initial={initial}
        siteTimeZone={settings.timeZone}
        coverUrl={coverAssetId ? `/assets/${coverAssetId}` : null}
        justSaved={saved === "1"}
      />
      <EmbedSnippets
        slug={event.slug}
        title={event.title}
        published={event.status === "PUBLISHED"}
        publicUrl={settings.publicUrl}
        origins={settings.embedOrigins}
        canManageSite={can(actor, "site:manage")}
      />
      <details className="danger-zone">
        <summary>{t("deleteEvent")}</summary>
        <form action={deleteEventAction}>
          <input type="hidden" name="slug" value={event.slug} />
          {error && (
            <p className="notice notice--error" role="alert">
              {tErrors(knownErrorKey(error))}
            </p>
          )}
          <div className="field field--checkbox">
            <input id="delete-confirm" name="confirm" type="checkbox" required />
            <label htmlFor="delete-confirm">{t("deleteConfirm", { comments: _count.comments, requests: _count.recapRequests })}</label>
          </div>
          <button type="submit" className="button button--danger">
            {t("deleteEventButton")}
          </button>
        </form>
      </details>
    </>
  );
}
