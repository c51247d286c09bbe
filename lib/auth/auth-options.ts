import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http/client-info";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { authenticate } from "./authenticate";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

export { SESSION_MAX_AGE_SECONDS } from "./sessions";

/**
 * next-auth (v4): e-mail + password. The cookie is a JWT of at most 12 hours naming a row of `Session`,
 * checked whenever a dashboard page, action or handler asks who is signed in (lib/auth/current-actor.ts);
 * signing out revokes that row. See docs/decisions/010-next-auth-v4-sessions.md.
 */
export const authOptions: NextAuthOptions = {
  secret: env.APP_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  // Cookies are Secure whenever the site is served over https.
  useSecureCookies: env.SITE_URL.startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        // next-auth hands over Node's plain header object; the address is read as everywhere else.
        const { ip } = clientInfo(new Headers(request?.headers as Record<string, string> | undefined));
        try {
          const user = await authenticate({ db, email: credentials.email, password: credentials.password, ip });
          if (!user) return null;
          const sessionId = await createSession(db, user.id, new Date());
          return { id: user.id, email: user.email, name: user.name, sessionId };
        } catch (error) {
          // next-auth shows the error's message as the sign-in error code.
          if (isAppError(error)) throw new Error(error.messageKey);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId?: string }).sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: token.sid as string | undefined };
    },
    // After signing in or out, only a path on this site: never another origin, however the URL is written.
    redirect({ url, baseUrl }) {
      const path = safeReturnPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url, "/dashboard");
      return `${baseUrl}${path}`;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(db, token.sid, new Date());
    },
  },
};
