// axe-core on every public and dashboard page, as readers and hosts see them (French and English, a phone
// and a desktop): no violation at all, whatever its impact.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_RECAP_SLUG, DEMO_UPCOMING_SLUG } from "../lib/seed/demo-content";
import { ADMIN_ONLY_PAGES, createAccount, DEMO_EVENT_PATH, DEMO_EVENT_SLUG, signIn, withE2eDatabase } from "./helpers";

async function violations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.map(
    (violation) => `${path}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

const publicPaths = [
  "/",
  DEMO_EVENT_PATH,
  `/events/${DEMO_RECAP_SLUG}`,
  `/events/${DEMO_UPCOMING_SLUG}`,
  `${DEMO_EVENT_PATH}?replyTo=none`,
  "/privacy",
  "/legal",
  "/sign-in",
  "/setup",
  "/invitations/accept?token=not-a-token",
  "/recap-requests/confirm?token=not-a-token",
  "/recap-requests/manage?token=not-a-token",
  "/digest/opt-out?token=not-a-token",
  "/events/no-such-event",
];

for (const locale of ["fr-FR", "en-GB"]) {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ]) {
    test(`public pages: no axe violation (${locale}, ${viewport.width} px)`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of publicPaths) found.push(...(await violations(page, path)));
      expect(found).toEqual([]);
      await context.close();
    });
  }
}

test("dashboard pages: no axe violation (desktop and phone)", async ({ browser }) => {
  test.setTimeout(180_000);
  const email = `admin-axe-${Date.now()}@example.org`;
  createAccount(email, "mot de passe très long", "ADMIN");
  const mailId = await withE2eDatabase(async (db) => (await db.outboundEmail.findFirst({ select: { id: true } }))?.id);
  const paths = [
    "/dashboard",
    "/dashboard/moderation",
    "/dashboard/moderation?status=APPROVED",
    "/dashboard/mailbox",
    ...(mailId ? [`/dashboard/mailbox/${mailId}`] : []),
    ...ADMIN_ONLY_PAGES,
    "/dashboard/account",
    "/dashboard/events/new",
    `/dashboard/events/${DEMO_EVENT_SLUG}/edit`,
    `/dashboard/events/${DEMO_EVENT_SLUG}/recap`,
    `/dashboard/events/${DEMO_RECAP_SLUG}/recap`,
  ];
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, email, "mot de passe très long");
    const found: string[] = [];
    for (const path of paths) found.push(...(await violations(page, path)));
    expect(found).toEqual([]);
    await context.close();
  }
});
