import type { messagesByLocale } from "./messages";

type Messages = (typeof messagesByLocale)["en"];
export type MessageNamespace = keyof Messages;

/**
 * The only messages that reach the browser: each client subtree gets the namespaces its client components
 * translate with (`useTranslations("x")`), through `<ClientTranslations scope="…">` (components/ClientTranslations.tsx).
 * Server components translate on the server and send nothing. Nested providers replace each other's messages,
 * they do not merge: a scope lists everything its subtree needs. test/unit/client-messages.test.ts follows the
 * imports of every page and layout and fails when a client component uses a namespace its scope does not send,
 * or when a scope sends one nobody under it uses.
 */
export const CLIENT_NAMESPACES = {
  /** app/events/[slug]/page.tsx: the comment form and the recap-request form. */
  event: ["comments", "recaps", "errors"],
  /** app/sign-in/page.tsx */
  signIn: ["signIn", "errors"],
  /** app/setup/page.tsx */
  setup: ["setup", "errors"],
  /** app/invitations/accept/page.tsx */
  invitation: ["invitation", "errors"],
  /** app/dashboard/layout.tsx: every dashboard page. */
  dashboard: ["dashboard", "recaps", "errors", "site", "settings", "users", "account", "import"],
} as const satisfies Record<string, readonly MessageNamespace[]>;

export type ClientScope = keyof typeof CLIENT_NAMESPACES;

/** The namespaces of `messages` the scope sends, and nothing else. */
export function clientMessages<M extends Record<string, unknown>>(messages: M, scope: ClientScope): Partial<M> {
  return Object.fromEntries(
    CLIENT_NAMESPACES[scope].filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]]),
  ) as Partial<M>;
}
