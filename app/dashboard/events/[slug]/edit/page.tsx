import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventEditor } from "@/components/dashboard/EventEditor";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { getEventForEditing } from "@/lib/events/save-event";
import { utcToZonedLocal } from "@/lib/i18n/zoned-time";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const [{ slug }, { saved }] = await Promise.all([params, searchParams]);
  const [event, t] = await Promise.all([getEventForEditing({ db, actor: await currentActor(), slug }), getTranslations("dashboard")]);
  const initial = {
    ...event,
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
      <EventEditor existingSlug={event.slug} initial={initial} justSaved={saved === "1"} />
      <section className="recap" aria-labelledby="topic-preview">
        <h2 id="topic-preview">{t("preview")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: renderTopicMarkdown(event.topic) }} />
      </section>
    </>
  );
}
