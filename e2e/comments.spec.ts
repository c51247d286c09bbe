import { expect, test, type Page } from "@playwright/test";
import { DEMO_UPCOMING_SLUG } from "../lib/seed/demo-content";
import { approveComment, DEMO_EVENT_PATH, DEMO_EVENT_SLUG, newReader } from "./helpers";
import { OWASP_PAYLOADS } from "../test/unit/xss-payloads";

const commentForm = (page: Page) => page.locator("#comment-form");

async function fillComment(page: Page, fields: { name: string; email: string; body: string; url?: string }) {
  const form = commentForm(page);
  await form.getByLabel("Nom", { exact: true }).fill(fields.name);
  await form.getByLabel("E-mail", { exact: true }).fill(fields.email);
  if (fields.url) await form.getByLabel("Site web (facultatif)").fill(fields.url);
  await form.getByLabel("Commentaire", { exact: true }).fill(fields.body);
  // The form refuses submissions faster than a person could type (1 s in this test server).
  await page.waitForTimeout(1100);
}

test("with JavaScript, a first comment is held and shown to its author as awaiting moderation, without reloading", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(DEMO_EVENT_PATH);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const body = `Je n'ai pas pu venir non plus, un compte rendu serait précieux (${Date.now()})`;
  await fillComment(page, { name: "Camille", email: reader.email, body });
  await page.getByRole("button", { name: "Publier le commentaire" }).click();

  await expect(page.getByText("Merci ! Votre commentaire sera visible après modération.")).toBeVisible();
  const mine = page.locator(".comment", { hasText: body });
  await expect(mine).toContainText("En attente de modération");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // Focus moved to the message (and the view with it: the form is at the end of a long page).
  await expect(commentForm(page).getByRole("status")).toBeFocused();
  await expect(commentForm(page).getByLabel("Commentaire", { exact: true })).toHaveValue("");

  await page.reload();
  await expect(page.locator(".comment", { hasText: body })).toContainText("En attente de modération");

  const other = await newReader(browser);
  await other.page.goto(DEMO_EVENT_PATH);
  await expect(other.page.locator(".comment", { hasText: body })).toHaveCount(0);
  await other.context.close();
  await reader.context.close();
});

test("a reader's held comments appear in the shared page's thread exactly where a page rendered for them puts them, and stay once the page runs", async ({
  browser,
}) => {
  const reader = await newReader(browser);
  const { page, context } = reader;
  await page.goto(DEMO_EVENT_PATH);
  const martinId = (await page.locator(".comment", { hasText: "Martin" }).first().getAttribute("id"))!.replace("comment-", "");
  // A first comment from an address the site does not know is held: a new conversation, and a reply to Martin.
  // (Posted from two addresses, as two readers would: one address may post only every few seconds.)
  const post = async (address: string, data: Record<string, string>) => {
    const response = await page.request.post(`/api/events/${DEMO_EVENT_SLUG}/comments`, {
      headers: { "x-forwarded-for": address },
      data: { authorName: "Noé <b>", authorEmail: `${address.replaceAll(".", "-")}-${reader.email}`, ...data },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; status: string };
  };
  const conversation = await post("192.0.2.10", { body: `Une question à part (${Date.now()})` });
  const reply = await post("192.0.2.11", { body: `Martin, je me posais la même question (${Date.now()})`, parentId: martinId });
  expect([conversation.status, reply.status]).toEqual(["PENDING", "PENDING"]);
  await context.addCookies([{ name: "debrief_own_comments", value: `${conversation.id}.${reply.id}`, url: new URL(DEMO_EVENT_PATH, page.url()).origin }]);

  // The shared page is in the cache; the reader gets it with their comments added, not a render of their own…
  const other = await newReader(browser);
  await other.page.goto(DEMO_EVENT_PATH);
  const response = await page.goto(DEMO_EVENT_PATH, { waitUntil: "networkidle" });
  expect(response!.headers()["x-debrief-cache"]).toBe("personal");
  // …whose thread is, byte for byte, the one Next.js renders for them (a reply link's page is not cached).
  const thread = (html: string) => html.slice(html.indexOf("<!--debrief:thread-->"), html.indexOf("<!--/debrief:thread-->"));
  const rendered = await page.request.get(`${DEMO_EVENT_PATH}?replyTo=${martinId}`);
  expect(rendered.headers()["x-debrief-cache"]).toBeUndefined();
  const personal = thread(await response!.text());
  expect(personal).toContain(reply.id);
  expect(personal).toBe(thread(await rendered.text()));
  // Once React has taken over the page, they are still there, and the reply under Martin's comment.
  await page.waitForTimeout(500);
  await expect(page.locator(`#comment-${conversation.id}`)).toContainText("En attente de modération");
  await expect(page.locator(`#comment-${martinId} .comment-list--replies #comment-${reply.id}`)).toContainText("En attente de modération");
  await expect(page.locator(`#comment-${conversation.id} .comment__author`)).toHaveText("Noé <b>");
  // Away and Back: the page is shown again from what Next.js kept of it, and still with their comments.
  await page.getByRole("link", { name: "Toutes les rencontres" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goBack();
  await expect(page.locator(`#comment-${martinId} .comment-list--replies #comment-${reply.id}`)).toContainText("En attente de modération");
  await expect(page.locator(`#comment-${conversation.id}`)).toContainText("En attente de modération");
  // Nobody else sees them.
  await other.page.reload();
  await expect(other.page.locator(`#comment-${conversation.id}, #comment-${reply.id}`)).toHaveCount(0);
  await other.context.close();
  await context.close();
});

test("with JavaScript, the button says the comment is being sent, and a second click does not post it twice", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(DEMO_EVENT_PATH, { waitUntil: "networkidle" });
  const body = `Un double clic ne doit pas publier deux fois (${Date.now()})`;
  await fillComment(page, { name: "Lou", email: reader.email, body });
  // The server's answer is held back until both clicks are made.
  const posts: string[] = [];
  let answer: () => void = () => {};
  const clicked = new Promise<void>((resolve) => (answer = resolve));
  await page.route(DEMO_EVENT_PATH, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts.push(route.request().url());
    await clicked;
    await route.continue();
  });
  const button = commentForm(page).getByRole("button", { name: "Publier le commentaire" });
  await button.click();
  const sending = commentForm(page).getByRole("button", { name: "Envoi…" });
  await expect(sending).toHaveAttribute("aria-disabled", "true");
  await sending.click({ force: true });
  answer();
  await expect(page.getByText("Merci ! Votre commentaire sera visible après modération.")).toBeVisible();
  expect(posts).toHaveLength(1);
  await expect(page.locator(".comment", { hasText: body })).toHaveCount(1);
  await reader.context.close();
});

test("with JavaScript, asking for the recap while a comment is half-written keeps the comment", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(`/events/${DEMO_UPCOMING_SLUG}`, { waitUntil: "networkidle" });
  const draft = `Je ne pourrai pas venir, mais voici ma question (${Date.now()})`;
  await commentForm(page).getByLabel("Nom", { exact: true }).fill("Inès");
  await commentForm(page).getByLabel("Commentaire", { exact: true }).fill(draft);
  await commentForm(page)
    .getByLabel(/Prévenez-moi aussi/)
    .check();
  const recapRequest = page.locator("#recap-request");
  await recapRequest.getByLabel("Votre e-mail").fill(reader.email);
  await recapRequest.getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(recapRequest.getByText("C’est noté.")).toBeVisible();
  await expect(commentForm(page).getByLabel("Commentaire", { exact: true })).toHaveValue(draft);
  await expect(commentForm(page).getByLabel("Nom", { exact: true })).toHaveValue("Inès");
  await expect(commentForm(page).getByLabel(/Prévenez-moi aussi/)).toBeChecked();
  await reader.context.close();
});

test("with JavaScript, when no page comes back (a proxy's error page), the comment stays typed and the form says it was not sent", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(DEMO_EVENT_PATH, { waitUntil: "networkidle" });
  const body = `Ce commentaire survivra à une erreur 502 (${Date.now()})`;
  await fillComment(page, { name: "Lou", email: reader.email, body });
  await page.route(DEMO_EVENT_PATH, (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 502, contentType: "text/html", body: "<main><h1>Bad Gateway</h1></main>" })
      : route.continue(),
  );
  await commentForm(page).getByRole("button", { name: "Publier le commentaire" }).click();
  const alert = commentForm(page).getByRole("alert");
  await expect(alert).toHaveText("Une erreur inattendue s’est produite. Votre texte est conservé ; réessayez.");
  await expect(commentForm(page).getByRole("status")).toBeFocused();
  await expect(commentForm(page).getByLabel("Commentaire", { exact: true })).toHaveValue(body);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The server is back: the same form, sent again, is posted.
  await page.unroute(DEMO_EVENT_PATH);
  await commentForm(page).getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByText("Merci ! Votre commentaire sera visible après modération.")).toBeVisible();
  await expect(page.locator(".comment", { hasText: body })).toHaveCount(1);
  await reader.context.close();
});

test("with JavaScript in a browser that cannot post in place, the form posts itself as without JavaScript", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  // As in a browser older than FormData's submitter argument.
  await page.addInitScript(() => {
    const Native = FormData;
    window.FormData = class extends Native {
      constructor(form?: HTMLFormElement, submitter?: HTMLElement | null) {
        if (submitter !== undefined) throw new TypeError("unsupported");
        super(form);
      }
    } as typeof FormData;
  });
  await page.goto(DEMO_EVENT_PATH, { waitUntil: "networkidle" });
  const body = `Depuis un vieux navigateur (${Date.now()})`;
  await fillComment(page, { name: "Lou", email: reader.email, body });
  const navigation = page.waitForNavigation();
  await commentForm(page).getByRole("button", { name: "Publier le commentaire" }).click();
  await navigation;
  await expect(page.getByText("Merci ! Votre commentaire sera visible après modération.")).toBeVisible();
  await expect(page.locator(".comment", { hasText: body })).toContainText("En attente de modération");
  await reader.context.close();
});

test("without JavaScript, a comment is posted and held the same way", async ({ browser }) => {
  const reader = await newReader(browser, { javaScriptEnabled: false });
  const { page } = reader;
  await page.goto(DEMO_EVENT_PATH);
  const body = `Sans JavaScript, je demande aussi le compte rendu (${Date.now()})`;
  await fillComment(page, { name: "Dominique", email: reader.email, body });
  await page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByText("Merci ! Votre commentaire sera visible après modération.")).toBeVisible();
  await expect(page.locator(".comment", { hasText: body })).toContainText("En attente de modération");
  await reader.context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`field errors appear in place and keep what was typed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const reader = await newReader(browser, { javaScriptEnabled });
    const { page } = reader;
    await page.goto(DEMO_EVENT_PATH);
    const body = `Un long texte que je ne veux pas perdre (${Date.now()})`;
    await fillComment(page, { name: "Sam", email: reader.email, body, url: "ftp://files.example.org" });
    await page.getByRole("button", { name: "Publier le commentaire" }).click();
    await expect(page.getByText("Indiquez une adresse web complète commençant par http:// ou https://.")).toBeVisible();
    await expect(page.getByText("Certains champs sont à corriger.")).toBeVisible();
    const form = commentForm(page);
    await expect(form.getByLabel("Commentaire", { exact: true })).toHaveValue(body);
    await expect(form.getByLabel("Nom", { exact: true })).toHaveValue("Sam");
    await expect(form.getByLabel("Site web (facultatif)")).toHaveAttribute("aria-invalid", "true");
    // With JavaScript, focus goes to the field to correct.
    if (javaScriptEnabled) await expect(form.getByLabel("Site web (facultatif)")).toBeFocused();
    await reader.context.close();
  });
}

test("a known commenter's comment appears at once, and a reply nests under it", async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  // A moderator approved this reader's first comment…
  const first = await page.request.post(`/api/events/${DEMO_EVENT_SLUG}/comments`, {
    data: { authorName: "Alix", authorEmail: reader.email, body: `Premier message d'Alix ${Date.now()}` },
  });
  expect(first.status()).toBe(201);
  await approveComment((await first.json()).id);

  // …so the next one is published immediately (after the 15 s flood window).
  await page.waitForTimeout(15_500);
  await page.goto(DEMO_EVENT_PATH);
  const martin = page.locator(".comment", { hasText: "Martin" }).first();
  await martin.getByRole("link", { name: "Répondre" }).click();
  await expect(page.getByRole("heading", { name: "En réponse à Martin" })).toBeVisible();
  const body = `Bonjour Martin, le compte rendu arrive (${Date.now()})`;
  await fillComment(page, { name: "Alix", email: reader.email, body });
  await page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(page.getByText("Merci, votre commentaire est publié.")).toBeVisible();
  const reply = martin.locator(".comment-list--replies .comment", { hasText: body });
  await expect(reply).toBeVisible();
  await expect(reply).not.toContainText("En attente de modération");
  await reader.context.close();
});

test("XSS payloads in approved comments render inert in the browser", async ({ browser }) => {
  test.setTimeout(120_000);
  const samples = [...OWASP_PAYLOADS.slice(0, 12), `<img src=x onerror="window.__xss=1">`, `[x](javascript:window.__xss=1)`];
  const reader = await newReader(browser);
  const ids: string[] = [];
  for (const [index, payload] of samples.entries()) {
    const response = await reader.page.request.post(`/api/events/${DEMO_EVENT_SLUG}/comments`, {
      headers: { "x-forwarded-for": `198.51.100.${100 + index}` },
      data: { authorName: `Testeur ${index}`, authorEmail: `xss-${index}-${Date.now()}@example.org`, body: `${payload} #${index}` },
    });
    expect(response.status()).toBe(201);
    ids.push((await response.json()).id);
  }
  await approveComment(...ids);
  const page = reader.page;
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(DEMO_EVENT_PATH);
  await expect(page.locator(".comment", { hasText: "Testeur 13" })).toBeVisible();
  for (const link of await page.locator(".comment__body a").all()) {
    await link.hover();
  }
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator(".comment__body script, .comment__body img, .comment__body iframe, .comment__body svg").count()).toBe(0);
  const hrefs = await page.locator(".comment__body a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/i);
  await reader.context.close();
});
