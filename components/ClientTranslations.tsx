import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientScope } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the messages of one scope (lib/i18n/client-messages.ts), and only those:
 * they are embedded in the page for the browser. Pages without client translations render none.
 */
export async function ClientTranslations({ scope, children }: { scope: ClientScope; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={clientMessages(messages, scope)}>{children}</NextIntlClientProvider>;
}
