import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/dashboard/AutoRefresh";
import { ImportUploadForm } from "@/components/dashboard/ImportUploadForm";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { knownErrorKey } from "@/lib/i18n/messages";
import { getImportPreview } from "@/lib/import/get-import-preview";
import { getImportProgress } from "@/lib/import/get-import-progress";
import { startImportAction } from "./actions";

type Props = {
  searchParams: Promise<{
    upload?: string;
    job?: string;
    category?: string | string[];
    tag?: string | string[];
    drafts?: string;
    pages?: string;
    error?: string;
  }>;
};

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** Import from WordPress: upload the export, preview what it becomes, import, follow the progress, read the summary. */
export default async function ImportPage({ searchParams }: Props) {
  const [raw, actor, t, tErrors, locale] = await Promise.all([
    searchParams,
    pageActor("event:edit"),
    getTranslations("import"),
    getTranslations("errors"),
    getLocale() as Promise<Locale>,
  ]);
  // One value each; a repeated parameter is ignored rather than trusted.
  const one = (value: string | string[] | undefined) => (typeof value === "string" && /^[\w-]{1,100}$/.test(value) ? value : undefined);
  const params = { ...raw, upload: one(raw.upload), job: one(raw.job), error: one(raw.error), drafts: one(raw.drafts), pages: one(raw.pages) };
  const choice = { categories: list(params.category), tags: list(params.tag), includeDrafts: params.drafts === "on", includePages: params.pages === "on" };
  const heading = (
    <>
      <p>
        <Link href="/dashboard">← {t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
    </>
  );
  if (params.upload && params.job) {
    const progress = await forPage(getImportProgress({ db, actor, uploadId: params.upload, jobId: params.job }));
    const running = progress.status === "PENDING" || progress.status === "RUNNING";
    return (
      <>
        {heading}
        {running && <AutoRefresh />}
        <div role="status" aria-live="polite">
          {running && (
            <>
              <label htmlFor="import-progress">{progress.total ? t("progress", { done: progress.progress, total: progress.total }) : t("queued")}</label>
              <progress id="import-progress" value={progress.progress} max={progress.total ?? undefined} />
              <p>
                <Link href={`/dashboard/import?upload=${params.upload}&job=${params.job}`}>{t("refresh")}</Link>
              </p>
            </>
          )}
          {progress.status === "FAILED" && <p className="notice notice--error">{t("failed")}</p>}
          {progress.status === "DONE" && progress.summary && (
            <div className="notice notice--success" data-testid="import-summary">
              <p>
                {t("summaryEvents", {
                  created: progress.summary.events.created,
                  published: progress.summary.events.published,
                  toCheck: progress.summary.events.dateToCheck,
                  already: progress.summary.events.alreadyImported,
                  deleted: progress.summary.events.deletedHere,
                })}
              </p>
              <p>
                {t("summaryComments", {
                  approved: progress.summary.comments.approved,
                  pending: progress.summary.comments.pending,
                  asking: progress.summary.comments.askingForRecap,
                  already: progress.summary.comments.alreadyImported,
                })}
              </p>
              <p>
                {t("summaryLeft", {
                  spam: progress.summary.comments.spam,
                  trash: progress.summary.comments.trash,
                  pingbacks: progress.summary.comments.pingbacks,
                })}
              </p>
            </div>
          )}
        </div>
        {progress.status === "DONE" && (
          <p>
            <Link href="/dashboard">{t("toOverview")}</Link>
          </p>
        )}
      </>
    );
  }
  if (params.upload) {
    const preview = await forPage(getImportPreview({ db, actor, uploadId: params.upload, options: choice }));
    const hidden = (
      <>
        <input type="hidden" name="upload" value={preview.upload.id} />
      </>
    );
    const checkboxes = (
      <>
        {preview.terms.length > 0 && (
          <fieldset className="import-terms">
            <legend>{t("chooseTerms")}</legend>
            {preview.terms.map((term) => (
              <div key={`${term.kind}:${term.slug}`} className="field field--checkbox">
                <input
                  id={`term-${term.kind}-${term.slug}`}
                  type="checkbox"
                  name={term.kind}
                  value={term.slug}
                  defaultChecked={(term.kind === "category" ? choice.categories : choice.tags).includes(term.slug)}
                />
                <label htmlFor={`term-${term.kind}-${term.slug}`}>
                  {t(term.kind === "category" ? "categoryLabel" : "tagLabel", { name: term.name, posts: term.posts })}
                </label>
              </div>
            ))}
            <p className="field-hint">{t("chooseTermsHint")}</p>
          </fieldset>
        )}
        <div className="field field--checkbox">
          <input id="import-drafts" type="checkbox" name="drafts" defaultChecked={choice.includeDrafts} />
          <label htmlFor="import-drafts">{t("includeDrafts")}</label>
        </div>
        <div className="field field--checkbox">
          <input id="import-pages" type="checkbox" name="pages" defaultChecked={choice.includePages} />
          <label htmlFor="import-pages">{t("includePages")}</label>
        </div>
      </>
    );
    return (
      <>
        {heading}
        <p>{t("previewOf", { file: preview.upload.fileName, site: preview.upload.siteTitle })}</p>
        <form method="get" action="/dashboard/import">
          {hidden}
          {checkboxes}
          <button type="submit" className="button button--quiet">
            {t("updatePreview")}
          </button>
        </form>
        <h2>{t("willImport", { count: preview.events.filter((event) => !event.alreadyImported && !event.deletedHere).length })}</h2>
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("comments")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.events.map((event) => (
                <tr key={event.title + event.startsAt.toISOString()} data-import-event={event.title}>
                  <td data-label={t("event")}>
                    {event.title}
                    {event.alreadyImported && <span className="badge">{t("alreadyImported")}</span>}
                    {event.deletedHere && <span className="badge">{t("deletedHere")}</span>}
                    {event.status === "DRAFT" && <span className="badge">{t("draft")}</span>}
                  </td>
                  <td data-label={t("date")}>
                    {event.dateToCheck ? <strong>{t("dateToCheck")}</strong> : formatCommentDate(event.startsAt, event.timeZone, locale)}
                  </td>
                  <td data-label={t("comments")}>
                    {t("commentCounts", { approved: event.approved, pending: event.pending, asking: event.askingForRecap, left: event.leftBehind })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {preview.skippedPosts.length > 0 && (
          <>
            <h2>{t("notImported")}</h2>
            <ul>
              {preview.skippedPosts.map((post, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once on the server; two skipped posts may share a title
                <li key={index}>{t(`skipped.${post.reason}`, { title: post.title })}</li>
              ))}
            </ul>
          </>
        )}
        <form action={startImportAction}>
          {hidden}
          {choice.categories.map((slug) => (
            <input key={`c${slug}`} type="hidden" name="category" value={slug} />
          ))}
          {choice.tags.map((slug) => (
            <input key={`t${slug}`} type="hidden" name="tag" value={slug} />
          ))}
          {choice.includeDrafts && <input type="hidden" name="drafts" value="on" />}
          {choice.includePages && <input type="hidden" name="pages" value="on" />}
          <p className="field-hint">{t("noMail")}</p>
          <button type="submit" className="button">
            {t("start", { count: preview.events.filter((event) => !event.alreadyImported && !event.deletedHere).length })}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      {heading}
      <p>{t("intro")}</p>
      {params.error && (
        <p className="notice notice--error" role="alert">
          {tErrors(knownErrorKey(params.error))}
        </p>
      )}
      <ImportUploadForm />
    </>
  );
}
