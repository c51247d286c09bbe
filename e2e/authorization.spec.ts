// Every dashboard server action, called over HTTP exactly as the browser calls it, by an anonymous
// visitor: refused, nothing changes. The same call by a signed-in host does change things, which
// shows the calls reach the actions. The list of actions comes from the build, so a new dashboard
// action without a row here fails this test.
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { createAccount, DEMO_EVENT_SLUG, newReader } from "./helpers";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return new Map(Object.entries(manifest.node).map(([id, action]) => [`${action.filename}#${action.exportedName}`, id]));
}

/** React's encoding of an action's arguments, as the browser sends it: JSON in part "0", each FormData argument's fields as "_<n>_<name>". */
async function callAction(request: APIRequestContext, path: string, id: string, args: (unknown | { form: Record<string, string> })[]) {
  const multipart = new FormData();
  let nextPart = 1;
  const encoded = args.map((arg) => {
    if (arg && typeof arg === "object" && "form" in arg) {
      const part = nextPart++;
      for (const [name, value] of Object.entries((arg as { form: Record<string, string> }).form)) multipart.append(`_${part}_${name}`, value);
      return `$K${part.toString(16)}`;
    }
    return arg;
  });
  // Last, as the browser sends it: the server resolves the arguments when it reads this part.
  multipart.append("0", JSON.stringify(encoded));
  return request.post(path, { headers: { "next-action": id, accept: "text/x-component" }, multipart, maxRedirects: 0 });
}

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database("data/e2e.db", { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test("every dashboard action refuses anonymous callers and changes nothing; the same calls work for a host", async ({ browser }) => {
  const ids = actionIds();
  const dashboardActions = [...ids.keys()].filter((key) => key.startsWith("app/dashboard/")).sort();

  // A held comment to moderate, and the demo event's current state.
  const reader = await newReader(browser);
  const posted = await reader.page.request.post(`/api/events/${DEMO_EVENT_SLUG}/comments`, {
    data: { authorName: "Sam", authorEmail: reader.email, body: `Question en attente ${Date.now()}` },
  });
  const { id: heldId } = (await posted.json()) as { id: string };
  const eventId = query<{ id: string }>(`SELECT id FROM Event WHERE slug = ?`, DEMO_EVENT_SLUG).id;
  const snapshot = () => ({
    comment: query<{ status: string }>(`SELECT status FROM Comment WHERE id = ?`, heldId).status,
    event: query<{ title: string; summary: string }>(`SELECT title, summary FROM Event WHERE id = ?`, eventId),
    recap: query<{ body: string } | undefined>(`SELECT body FROM Recap WHERE eventId = ?`, eventId)?.body ?? null,
    audit: query<{ n: number }>(`SELECT count(*) AS n FROM AuditLog`).n,
    events: query<{ n: number }>(`SELECT count(*) AS n FROM Event`).n,
    outlook: query<{ recapOutlook: string }>(`SELECT recapOutlook FROM Event WHERE id = ?`, eventId).recapOutlook,
    optedOut: query<{ n: number }>(`SELECT count(*) AS n FROM User WHERE digestOptOut = 1`).n,
    liveSessions: query<{ n: number }>(`SELECT count(*) AS n FROM Session WHERE revokedAt IS NULL`).n,
  });
  const newSlug = `evenement-pirate-${Date.now()}`;
  const eventForm = (slug: string, title: string) => ({
    slug,
    title,
    timeZone: "Europe/Paris",
    startsAt: "2030-01-10T09:00",
    endsAt: "2030-01-10T11:00",
    venueName: "Ici",
    venueAddress: "1 rue Test",
    hostNames: "Personne",
    summary: "Résumé",
    topic: "Sujet",
    language: "fr",
    status: "DRAFT",
  });

  // One row per dashboard action: the page that hosts it, its arguments, and what it changes for a host.
  const table: Record<string, { path: string; args: unknown[]; changed: (before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) => boolean }> = {
    "app/dashboard/moderation/actions.ts#moderateCommentsAction": {
      path: "/dashboard/moderation",
      args: [{ form: { one: `${heldId}:APPROVED`, view: "PENDING" } }],
      changed: (before, after) => before.comment === "PENDING" && after.comment === "APPROVED",
    },
    "app/dashboard/events/actions.ts#saveEventAction": {
      path: "/dashboard/events/new",
      args: [{ status: "idle", submission: 0 }, { form: eventForm(newSlug, "Rencontre créée par l’appel") }],
      changed: (before, after) => after.events === before.events + 1,
    },
    "app/dashboard/events/[slug]/recap/actions.ts#saveRecapAction": {
      path: `/dashboard/events/${DEMO_EVENT_SLUG}/recap`,
      args: [{ status: "idle", submission: 0 }, { form: { eventSlug: DEMO_EVENT_SLUG, body: "Compte rendu ecrit par cet appel", intent: "save" } }],
      changed: (_before, after) => after.recap === "Compte rendu ecrit par cet appel",
    },
    "app/dashboard/events/[slug]/recap/actions.ts#recapDeliveryAction": {
      path: `/dashboard/events/${DEMO_EVENT_SLUG}/recap`,
      args: [{ form: { eventSlug: DEMO_EVENT_SLUG, intent: "retry-failed" } }],
      // Nothing failed, so a host's retry changes nothing either: it must simply not be refused.
      changed: () => true,
    },
    "app/dashboard/events/[slug]/recap/actions.ts#setRecapOutlookAction": {
      path: `/dashboard/events/${DEMO_EVENT_SLUG}/recap`,
      args: [{ status: "idle", submission: 0 }, { form: { eventSlug: DEMO_EVENT_SLUG, outlook: "EXPECTED", expectedOn: "", note: "" } }],
      changed: (before, after) => before.outlook !== "EXPECTED" && after.outlook === "EXPECTED",
    },
    // Last for the host: it ends the host's own session.
    "app/dashboard/account/actions.ts#signOutEverywhereAction": {
      path: "/dashboard/account",
      args: [],
      changed: (before, after) => after.liveSessions < before.liveSessions,
    },
    "app/dashboard/account/actions.ts#updatePreferencesAction": {
      path: "/dashboard/account",
      // The digest box unticked: this host opts out.
      args: [{ status: "idle", submission: 0 }, { form: { locale: "en" } }],
      changed: (before, after) => after.optedOut === before.optedOut + 1,
    },
  };
  expect(dashboardActions).toEqual(Object.keys(table).sort());

  // Anonymous: each call is refused and nothing changes.
  const anonymous = await browser.newContext();
  for (const name of dashboardActions) {
    const before = snapshot();
    const response = await callAction(anonymous.request, table[name].path, ids.get(name)!, table[name].args);
    expect(response.status(), name).toBeLessThan(500);
    const text = await response.text();
    expect(text, name).not.toContain(heldId);
    expect(snapshot(), name).toEqual(before);
  }
  await anonymous.close();

  // A signed-in host: the same calls go through.
  const hostEmail = `hote-authz-${Date.now()}@example.org`;
  createAccount(hostEmail, "mot de passe très long", "HOST");
  const host = await browser.newContext();
  const page = await host.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(hostEmail);
  await page.getByLabel("Mot de passe").fill("mot de passe très long");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  const lastForTheHost = "app/dashboard/account/actions.ts#signOutEverywhereAction";
  for (const name of [...dashboardActions.filter((action) => action !== lastForTheHost), lastForTheHost]) {
    const before = snapshot();
    const response = await callAction(host.request, table[name].path, ids.get(name)!, table[name].args);
    expect(response.status(), name).toBeLessThan(500);
    const body = await response.text();
    expect(table[name].changed(before, snapshot()), `${name}: ${body.slice(-600)}`).toBe(true);
  }
  await host.close();
  await reader.context.close();
});
