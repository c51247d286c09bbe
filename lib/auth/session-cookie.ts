import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

/** Cookies are Secure when the site is served over https (next-auth's own rule: its name then starts with __Secure-). */
export const SECURE_COOKIES = env.SITE_URL.startsWith("https://");
export const SESSION_COOKIE = `${SECURE_COOKIES ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The session cookie's value: a JWT, as next-auth writes and reads it (getServerSession), naming a `Session` row.
 * Written by our own sign-in form action, so signing in works without JavaScript.
 */
export async function sessionCookieValue(session: { id: string; userId: string; name: string; email: string }): Promise<string> {
  return encode({
    token: { sub: session.userId, name: session.name, email: session.email, sid: session.id },
    secret: env.APP_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export const SESSION_COOKIE_OPTIONS = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: SECURE_COOKIES, maxAge: SESSION_MAX_AGE_SECONDS };
