// Signing in through next-auth as the sign-in form does, and what the session cookie carries: the credentials
// check, the session row it creates and names, where a host is sent back to, and signing out ending that row.
import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { forPage, type PageRequest, pageActor, returnPath } from "@/lib/auth/page-access";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE, sessionCookieValue } from "@/lib/auth/session-cookie";
import { actorForSession, createSession, revokeAllSessions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { createDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { letRateLimitsExpire, createHost, HOST_PASSWORD } from "../factories";

const db = createDatabase();
type Authorize = (credentials: Record<string, string> | undefined, request: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const fromBrowser = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
const callbacks = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;

describe("signing in through next-auth", () => {
  it("returns the host with a new session row for the right password, nothing for a wrong or missing one", async () => {
    const host = await createHost(db, { email: "connexion@example.org" });
    const signedIn = (await authorize({ email: "Connexion@Example.org", password: HOST_PASSWORD }, fromBrowser("198.51.100.20"))) as {
      id: string;
      email: string;
      sessionId: string;
    };
    expect(signedIn).toMatchObject({ id: host.id, email: "connexion@example.org", name: "Hôte" });
    expect(await actorForSession(db, signedIn.sessionId, new Date())).toEqual({ id: host.id, role: "HOST" });

    const sessions = await db.session.count({ where: { userId: host.id } });
    expect(await authorize({ email: "connexion@example.org", password: "not the password" }, fromBrowser("198.51.100.21"))).toBeNull();
    expect(await authorize({ email: "connexion@example.org", password: "" }, fromBrowser("198.51.100.22"))).toBeNull();
    expect(await authorize(undefined, fromBrowser("198.51.100.23"))).toBeNull();
    expect(await db.session.count({ where: { userId: host.id } })).toBe(sessions);
  });

  it("says why when sign-ins from this address are paused, by the message key the sign-in page shows", async () => {
    await createHost(db, { email: "pause@example.org" });
    const attempt = () => authorize({ email: "pause@example.org", password: "wrong" }, fromBrowser("198.51.100.30"));
    let refusal: unknown = null;
    for (let index = 0; index < 20 && !refusal; index++)
      refusal = await attempt().then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toBe("tooManySignInAttempts");
    await letRateLimitsExpire(db);
  });

  it("puts the session row's id in the token and the session, and ends that row on signing out", async () => {
    const host = await createHost(db);
    const user = (await authorize(
      { email: (await db.user.findUniqueOrThrow({ where: { id: host.id } })).email, password: HOST_PASSWORD },
      fromBrowser("198.51.100.40"),
    )) as {
      sessionId: string;
    };
    const token = await callbacks.jwt({ token: { sub: host.id }, user, account: null } as never);
    expect(token.sid).toBe(user.sessionId);
    // Later requests: no user, the token keeps what it had.
    expect((await callbacks.jwt({ token, user: undefined } as never)).sid).toBe(user.sessionId);
    const session = await callbacks.session({ session: { expires: "" }, token } as never);
    expect(session).toMatchObject({ sessionId: user.sessionId });

    await authOptions.events!.signOut!({ token, session } as never);
    expect(await actorForSession(db, user.sessionId, new Date())).toBeNull();
  });

  it("signing out with a token that names no session ends nobody's session", async () => {
    const host = await createHost(db);
    const sessionId = await createSession(db, host.id, new Date());
    await authOptions.events!.signOut!({ token: { sub: host.id }, session: null } as never);
    expect(await actorForSession(db, sessionId, new Date())).toEqual({ id: host.id, role: "HOST" });
  });

  it("ends a session at its twelfth hour, and 'sign out everywhere' ends only this person's sessions", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    const host = await createHost(db);
    const other = await createHost(db);
    const [first, second, theirs] = [await createSession(db, host.id, now), await createSession(db, host.id, now), await createSession(db, other.id, now)];
    const justBefore = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 1);
    expect(await actorForSession(db, first, justBefore)).toEqual({ id: host.id, role: "HOST" });
    expect(await actorForSession(db, first, new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeNull();

    expect(await revokeAllSessions(db, host.id, now)).toBe(2);
    expect([await actorForSession(db, first, now), await actorForSession(db, second, now)]).toEqual([null, null]);
    expect(await actorForSession(db, theirs, now)).toEqual({ id: other.id, role: "HOST" });
  });

  it("writes a cookie next-auth reads back as the same session, valid twelve hours", async () => {
    const host = await createHost(db);
    const value = await sessionCookieValue({ id: "session-row-id", userId: host.id, name: "Hôte", email: "hote@example.org" });
    const token = await decode({ token: value, secret: env.APP_SECRET });
    expect(token).toMatchObject({ sub: host.id, sid: "session-row-id", name: "Hôte", email: "hote@example.org" });
    expect((token!.exp as number) - (token!.iat as number)).toBe(SESSION_MAX_AGE_SECONDS);
    expect(await decode({ token: value, secret: "another secret entirely" }).catch(() => null)).toBeNull();
    // Served over http in the tests: the plain cookie name (https sites get the __Secure- one).
    expect(SESSION_COOKIE).toBe(env.SITE_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token");
  });
});

describe("where a host is sent after signing in or out", () => {
  const baseUrl = "http://localhost:3000";
  const redirect = (url: string) => callbacks.redirect({ url, baseUrl });

  it("keeps a path on this site, and never another site however it is written", async () => {
    expect(await redirect(`${baseUrl}/dashboard/events/atelier/recap`)).toBe(`${baseUrl}/dashboard/events/atelier/recap`);
    expect(await redirect("/dashboard/moderation?status=SPAM")).toBe(`${baseUrl}/dashboard/moderation?status=SPAM`);
    expect(await redirect(baseUrl)).toBe(`${baseUrl}/`);
    for (const url of ["https://evil.example/dashboard", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(await redirect(url)).toBe(`${baseUrl}/dashboard`);
    }
  });

  it("comes back to the dashboard page asked for, without Next.js's navigation marker, and to the overview otherwise", () => {
    expect(returnPath("/dashboard/events/atelier/edit")).toBe("/dashboard/events/atelier/edit");
    expect(returnPath("/dashboard/moderation?status=PENDING&_rsc=1x2y")).toBe("/dashboard/moderation?status=PENDING");
    expect(returnPath("/dashboard")).toBe("/dashboard");
    for (const path of [null, "", "/", "/events/atelier", "/dashboardx", "https://evil.example/dashboard", "//evil.example/dashboard", "/dashboard/<script>"]) {
      expect(returnPath(path)).toBe("/dashboard");
    }
  });
});

/** What a dashboard page's guard makes Next.js do: render with a value, redirect, show the not-found page, or fail. */
async function pageOutcome(work: Promise<unknown>) {
  try {
    return { renders: await work };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirectsTo: digest.split(";")[2] };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { notFound: true };
    return { fails: error };
  }
}

describe("a dashboard page and who is asking for it", () => {
  const asking = (actor: Actor | null, path: string | null = "/dashboard/events/atelier/recap"): PageRequest => ({
    actor: async () => actor,
    path: async () => path,
  });
  const hostActor: Actor = { id: "host-1", role: "HOST" };
  const adminActor: Actor = { id: "admin-1", role: "ADMIN" };

  it("sends a visitor who is not signed in to sign in, then back to the page they asked for", async () => {
    expect(await pageOutcome(pageActor(undefined, asking(null)))).toEqual({
      redirectsTo: "/sign-in?callbackUrl=%2Fdashboard%2Fevents%2Fatelier%2Frecap",
    });
    expect(await pageOutcome(pageActor("event:edit", asking(null, "/dashboard/moderation?status=SPAM")))).toEqual({
      redirectsTo: "/sign-in?callbackUrl=%2Fdashboard%2Fmoderation%3Fstatus%3DSPAM",
    });
    // Back to the overview when the path is not a dashboard page (or unknown).
    for (const path of ["https://evil.example/dashboard", null]) {
      expect(await pageOutcome(pageActor(undefined, asking(null, path)))).toEqual({ redirectsTo: "/sign-in?callbackUrl=%2Fdashboard" });
    }
  });

  it("shows a host the pages their role allows, and the not-found page for the others; an admin sees every page", async () => {
    expect(await pageOutcome(pageActor(undefined, asking(hostActor)))).toEqual({ renders: hostActor });
    expect(await pageOutcome(pageActor("recap:publish", asking(hostActor)))).toEqual({ renders: hostActor });
    for (const permission of ["user:manage", "site:manage", "audit:read"] as const) {
      expect(await pageOutcome(pageActor(permission, asking(hostActor)))).toEqual({ notFound: true });
      expect(await pageOutcome(pageActor(permission, asking(adminActor)))).toEqual({ renders: adminActor });
    }
  });

  it("turns a use case's refusal into the page a visitor understands, and lets a real failure through", async () => {
    const request = asking(hostActor, "/dashboard/events/atelier/edit");
    expect(await pageOutcome(forPage(Promise.resolve("la page"), request))).toEqual({ renders: "la page" });
    // What does not exist, or is not theirs to see: the same not-found page, telling nothing.
    expect(await pageOutcome(forPage(Promise.reject(new AppError("NOT_FOUND", "eventNotFound")), request))).toEqual({ notFound: true });
    expect(await pageOutcome(forPage(Promise.reject(new AppError("FORBIDDEN", "notFound")), request))).toEqual({ notFound: true });
    // A session that ended meanwhile: sign in again, and come back here.
    expect(await pageOutcome(forPage(Promise.reject(new AppError("UNAUTHORIZED", "signInRequired")), request))).toEqual({
      redirectsTo: "/sign-in?callbackUrl=%2Fdashboard%2Fevents%2Fatelier%2Fedit",
    });
    const invalid = new AppError("INVALID", "invalidFields");
    const broken = new Error("database unreachable");
    expect(await pageOutcome(forPage(Promise.reject(invalid), request))).toEqual({ fails: invalid });
    expect(await pageOutcome(forPage(Promise.reject(broken), request))).toEqual({ fails: broken });
  });
});
