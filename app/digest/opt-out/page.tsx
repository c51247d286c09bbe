import { getTranslations } from "next-intl/server";
import { turnOffDigestAction } from "./actions";

export const metadata = { robots: { index: false } };

/** Linked from the hosts' weekly digest: a button, so a mail scanner following the link changes nothing. */
export default async function DigestOptOutPage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string; error?: string }> }) {
  const { token = "", done, error } = await searchParams;
  const [t, tErrors] = await Promise.all([getTranslations("digest"), getTranslations("errors")]);
  return (
    <>
      <h1>{t("title")}</h1>
      {done ? (
        <p className="notice notice--success">{t("done")}</p>
      ) : error ? (
        <p className="notice notice--error">{tErrors("digestLinkInvalid")}</p>
      ) : (
        <form action={turnOffDigestAction}>
          <p>{t("text")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("button")}
          </button>
        </form>
      )}
    </>
  );
}
