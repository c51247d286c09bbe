// Every dashboard server action, called over HTTP exactly as the browser calls it, by an anonymous
// visitor: refused, nothing changes. Admin-only actions are refused to a host too. The same call by
// someone allowed does change things, which shows the calls reach the actions. The list of actions
// comes from the build, so a new dashboard action without a row here fails this test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { ADMIN_ONLY_PAGES, createAccount, DEMO_EVENT_SLUG, newReader, signIn, withE2eDatabase } from "./helpers";

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
      for (const [name, value] of Object.entries((arg as { form: Record<string, string | Blob> }).form)) {
        // A file field is sent as the browser sends one: a named part with its type.
        if (value instanceof Blob) multipart.append(`_${part}_${name}`, value, "export.xml");
        else multipart.append(`_${part}_${name}`, value);
      }
      return `$K${part.toString(16)}`;
    }
    return arg;
  });
  // Last, as the browser sends it: the server resolves the arguments when it reads this part.
  multipart.append("0", JSON.stringify(encoded));
  return request.post(path, { headers: { "next-action": id, accept: "text/x-component" }, multipart, maxRedirects: 0 });
}

/** A bare draft event, straight in the e2e database, for a test to delete. */
function createDraftEvent(slug: string, title: string) {
  return withE2eDatabase((db) =>
    db.event.create({
      data: {
        slug,
        title,
        startsAt: new Date(),
        endsAt: new Date(),
        timeZone: "Europe/Paris",
        venueName: "Ici",
        venueAddress: "",
        hostNames: "",
        summary: "—",
        topic: "",
        status: "DRAFT",
      },
    }),
  );
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
  // Some thirty actions called three times, two accounts signed in: longer than one page's test.
  test.setTimeout(90_000);
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
    users: query<{ n: number }>(`SELECT count(*) AS n FROM User WHERE disabledAt IS NULL`).n,
    invitations: query<{ n: number }>(`SELECT count(*) AS n FROM Invitation`).n,
    withdrawn: query<{ n: number }>(`SELECT count(*) AS n FROM Invitation WHERE revokedAt IS NOT NULL`).n,
    settings: query<Record<string, unknown> | undefined>(`SELECT organisationName, description, logoAssetId, faviconAssetId FROM SiteSettings`) ?? null,
    uploads: query<{ n: number }>(`SELECT count(*) AS n FROM ImportUpload`).n,
    imports: query<{ n: number }>(`SELECT count(*) AS n FROM Job WHERE kind = 'wordpress-import'`).n,
  });
  // An event only for the deletion, and an account only for the admin to disable.
  const doomedSlug = `a-supprimer-${Date.now()}`;
  await createDraftEvent(doomedSlug, "À supprimer");
  const targetEmail = `cible-${Date.now()}@example.org`;
  createAccount(targetEmail, "mot de passe très long", "HOST");
  const targetId = query<{ id: string }>(`SELECT id FROM User WHERE email = ?`, targetEmail).id;
  // A WordPress export already uploaded, for the import to start.
  const wordpressExport = readFileSync("test/fixtures/wordpress-small.wxr.xml", "utf8");
  const { id: importUploadId } = await withE2eDatabase((db) => db.importUpload.create({ data: { xml: wordpressExport, fileName: "export.xml" } }));
  // An invitation only for the admin to withdraw.
  const { id: invitationId } = await withE2eDatabase((db) =>
    db.invitation.create({ data: { email: `retiree-${Date.now()}@example.org`, expiresAt: new Date(Date.now() + 86_400_000) } }),
  );
  const currentSettings = query<Record<string, string> | undefined>(`SELECT * FROM SiteSettings`);
  const newSlug = `evenement-pirate-${Date.now()}`;
  const hostEmail = `hote-authz-${Date.now()}@example.org`;
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
  type Snapshot = ReturnType<typeof snapshot>;
  const table: Record<string, { path: string; args: unknown[]; adminOnly?: boolean; changed: (before: Snapshot, after: Snapshot, body: string) => boolean }> = {
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
    "app/dashboard/account/actions.ts#updateProfileAction": {
      path: "/dashboard/account",
      args: [{ status: "idle", submission: 0 }, { form: { name: "Hôte renommé par l’appel", email: hostEmail, currentPassword: "", newPassword: "" } }],
      changed: (before, after) => after.audit === before.audit + 1,
    },
    "app/dashboard/events/actions.ts#deleteEventAction": {
      path: `/dashboard/events/${doomedSlug}/edit`,
      args: [{ form: { slug: doomedSlug, confirm: "on" } }],
      changed: (before, after) => after.events === before.events - 1,
    },
    "app/dashboard/preview/actions.ts#previewMarkdownAction": {
      path: "/dashboard/events/new",
      args: ["Un **aperçu**"],
      changed: (_before, _after, body) => body.includes("<strong>aperçu</strong>"),
    },
    "app/dashboard/users/actions.ts#inviteHostAction": {
      path: "/dashboard/users",
      adminOnly: true,
      args: [{ status: "idle", submission: 0 }, { form: { email: `invite-authz-${Date.now()}@example.org`, role: "HOST" } }],
      changed: (before, after) => after.invitations === before.invitations + 1,
    },
    "app/dashboard/users/actions.ts#accountAction": {
      path: "/dashboard/users",
      adminOnly: true,
      args: [{ form: { userId: targetId, action: "disable" } }],
      changed: (before, after) => after.users === before.users - 1,
    },
    "app/dashboard/import/actions.ts#uploadImportAction": {
      path: "/dashboard/import",
      args: [{ status: "idle", submission: 0 }, { form: { file: new Blob([wordpressExport], { type: "text/xml" }) } }],
      changed: (before, after) => after.uploads === before.uploads + 1,
    },
    "app/dashboard/import/actions.ts#startImportAction": {
      path: "/dashboard/import",
      args: [{ form: { upload: importUploadId } }],
      changed: (before, after) => after.imports === before.imports + 1,
    },
    "app/dashboard/users/actions.ts#revokeInvitationAction": {
      path: "/dashboard/users",
      adminOnly: true,
      args: [{ form: { invitationId } }],
      changed: (before, after) => after.withdrawn === before.withdrawn + 1,
    },
    "app/dashboard/settings/actions.ts#updateSiteSettingsAction": {
      path: "/dashboard/settings",
      adminOnly: true,
      args: [
        { status: "idle", submission: 0 },
        {
          form: {
            organisationName: currentSettings?.organisationName ?? "Debrief",
            description: `Décrit par l’appel ${Date.now()}`,
            accentColor: currentSettings?.accentColor ?? "#1f5fae",
            contactEmail: currentSettings?.contactEmail ?? "",
            defaultLocale: currentSettings?.defaultLocale ?? "fr",
            timeZone: currentSettings?.timeZone ?? "Europe/Paris",
            publicUrl: currentSettings?.publicUrl ?? "",
            legalNotice: currentSettings?.legalNotice ?? "",
          },
        },
      ],
      changed: (before, after) => after.audit === before.audit + 1 && JSON.stringify(after.settings) !== JSON.stringify(before.settings),
    },
    "app/dashboard/settings/actions.ts#updateSiteImageAction": {
      path: "/dashboard/settings",
      adminOnly: true,
      args: [{ form: { image: "favicon", intent: "remove" } }],
      changed: (before, after) => after.audit === before.audit + 1,
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
    expect(text, name).not.toContain("<strong>aperçu</strong>");
    expect(snapshot(), name).toEqual(before);
  }
  await anonymous.close();

  async function signedIn(email: string, role: "HOST" | "ADMIN") {
    createAccount(email, "mot de passe très long", role);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("mot de passe très long");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    return context;
  }

  /** Calls the actions in turn as `caller`: each answers without a server error and changes what it should. */
  async function expectEachGoesThrough(caller: BrowserContext, names: string[]) {
    for (const name of names) {
      const before = snapshot();
      const response = await callAction(caller.request, table[name].path, ids.get(name)!, table[name].args);
      expect(response.status(), name).toBeLessThan(500);
      const body = await response.text();
      expect(table[name].changed(before, snapshot(), body), `${name}: ${body.slice(-600)}`).toBe(true);
    }
  }

  // A signed-in host: the admin-only calls are refused and change nothing; the others go through.
  const host = await signedIn(hostEmail, "HOST");
  for (const name of dashboardActions.filter((action) => table[action].adminOnly)) {
    const before = snapshot();
    const response = await callAction(host.request, table[name].path, ids.get(name)!, table[name].args);
    expect(response.status(), name).toBeLessThan(500);
    expect(snapshot(), name).toEqual(before);
  }
  const lastForTheHost = "app/dashboard/account/actions.ts#signOutEverywhereAction";
  await expectEachGoesThrough(host, [...dashboardActions.filter((action) => action !== lastForTheHost && !table[action].adminOnly), lastForTheHost]);
  await host.close();

  // An admin: the admin-only calls go through.
  const admin = await signedIn(`admin-authz-${Date.now()}@example.org`, "ADMIN");
  await expectEachGoesThrough(
    admin,
    dashboardActions.filter((action) => table[action].adminOnly),
  );
  await admin.close();
  await reader.context.close();
});

/** Every dashboard page in the app, with its dynamic parts filled: an existing event and one that does not exist. */
function dashboardPages(): { existing: string[]; missing: string[] } {
  const files = readdirSync("app/dashboard", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("page.tsx"));
  const paths = files.map((file) => `/dashboard/${path.dirname(file)}`.replace(/\/\.$/, ""));
  return {
    existing: paths.map((page) => page.replace("[slug]", DEMO_EVENT_SLUG).replace("[id]", "no-such-email")),
    missing: paths.filter((page) => page.includes("[")).map((page) => page.replace("[slug]", "no-such-event").replace("[id]", "no-such-email")),
  };
}

test("dashboard pages: anonymous visitors are sent to sign in and back, a host gets not-found for admin pages and missing events, never an error page", async ({
  browser,
}) => {
  const { existing, missing } = dashboardPages();
  expect(existing).toContain("/dashboard/users");

  const anonymous = await browser.newContext();
  for (const url of existing) {
    const response = await anonymous.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(307);
    expect(response.headers().location, url).toBe(`/sign-in?callbackUrl=${encodeURIComponent(url)}`);
  }
  await anonymous.close();

  const email = `hote-pages-${Date.now()}@example.org`;
  createAccount(email, "mot de passe très long", "HOST");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, "mot de passe très long");
  for (const url of [...existing, ...missing]) {
    const response = await context.request.get(url, { maxRedirects: 0 });
    const expected = ADMIN_ONLY_PAGES.includes(url) || missing.includes(url) || url.includes("no-such-email") ? 404 : 200;
    expect(response.status(), url).toBe(expected);
  }

  // Deleting an event from its editor: back on the overview, told which one went; its editor is gone.
  const slug = `a-effacer-${Date.now()}`;
  await createDraftEvent(slug, "Rencontre à effacer");
  await page.goto(`/dashboard/events/${slug}/edit`);
  await page.getByText("Supprimer l’événement").click();
  await page.getByLabel(/Je comprends que la page/).check();
  await page.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page).toHaveURL(/\/dashboard\?deleted=/);
  await expect(page.getByText("« Rencontre à effacer » a été supprimé.")).toBeVisible();
  expect((await context.request.get(`/dashboard/events/${slug}/edit`, { maxRedirects: 0 })).status()).toBe(404);
  await context.close();
});
