// The recap box on an association's own site: a page served from another origin (another local port) embeds it
// with the script or a plain frame, with or without JavaScript; a site the admin did not list cannot.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO_UPCOMING_SLUG } from "../lib/seed/demo-content";
import { newReader, waitForMail, withE2eDatabase } from "./helpers";

const base = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** A stand-in for the association's WordPress site: two pages, one with the script line, one with the frame line. */
async function associationSite(): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const snippet =
      request.url === "/frame"
        ? `<iframe src="${base}/embed/events/${DEMO_UPCOMING_SLUG}?lang=fr" title="Compte rendu" style="width:100%;max-width:40rem;height:32rem;border:0"></iframe>`
        : `<script src="${base}/embed.js" data-event="${DEMO_UPCOMING_SLUG}" data-lang="fr" data-title="Compte rendu" async></script>`;
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Notre association</title></head><body><h1>Notre prochain Webreakfast</h1>${snippet}<p>Pied de page</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let allowed: Awaited<ReturnType<typeof associationSite>>;
let other: Awaited<ReturnType<typeof associationSite>>;

test.beforeAll(async () => {
  allowed = await associationSite();
  other = await associationSite();
  await withE2eDatabase((db) =>
    db.siteSettings.upsert({ where: { id: "site" }, create: { id: "site", embedOrigins: allowed.origin }, update: { embedOrigins: allowed.origin } }),
  );
});
test.afterAll(async () => {
  await withE2eDatabase((db) => db.siteSettings.update({ where: { id: "site" }, data: { embedOrigins: "" } }));
  allowed.server.close();
  other.server.close();
});

test("with the script line: the box shows on the association's page, sized to its content, and a reader asks for the recap", async ({ browser }) => {
  const reader = await newReader(browser);
  const hosts = new Set<string>();
  reader.page.on("request", (request) => hosts.add(new URL(request.url()).origin));
  const embedResponses: { headers: Record<string, string> }[] = [];
  reader.page.on("response", (response) => {
    if (response.url().includes("/embed/events/")) embedResponses.push({ headers: response.headers() });
  });
  await reader.page.goto(`${allowed.origin}/script`);
  const box = reader.page.frameLocator("iframe");
  await expect(box.getByRole("heading", { level: 1 })).toContainText("Webreakfast #2");
  await expect(box.getByText(/Personne n’attend encore le compte rendu|l’attend/)).toBeVisible();
  // The frame grew or shrank to the box: nothing cut, no inner scroll bar.
  const inner = reader.page.frames().find((frame) => frame.url().includes("/embed/events/"))!;
  await expect
    .poll(async () => {
      const outer = await reader.page.locator("iframe").evaluate((frame: HTMLIFrameElement) => frame.getBoundingClientRect().height);
      const content = await inner.evaluate(() => document.documentElement.scrollHeight);
      return Math.abs(outer - content);
    })
    .toBeLessThanOrEqual(2);
  // Not the frame's default height: the box told the page its own.
  expect(await reader.page.locator("iframe").evaluate((frame: HTMLIFrameElement) => frame.style.height)).not.toBe("26rem");

  await box.getByLabel("Votre e-mail").fill(reader.email);
  await box.getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(box.getByText("C’est noté.", { exact: false })).toBeVisible();
  const confirmation = await waitForMail(reader.email, /Confirmez votre demande de compte rendu/);
  expect(confirmation.text).toContain("Webreakfast #2");

  // Only the association's site and Debrief were contacted; Debrief set no cookie in the frame.
  expect([...hosts].sort()).toEqual([allowed.origin, base].sort());
  expect(embedResponses.length).toBeGreaterThanOrEqual(2);
  for (const response of embedResponses) {
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(response.headers["content-security-policy"]).toContain(`frame-ancestors ${allowed.origin}`);
  }
  expect(await reader.context.cookies(base)).toEqual([]);
  await reader.context.close();
});

test("without JavaScript: the plain frame works and its form posts inside the frame; a bad address is told in the frame", async ({ browser }) => {
  const reader = await newReader(browser, { javaScriptEnabled: false });
  await reader.page.goto(`${allowed.origin}/frame`);
  const box = reader.page.frameLocator("iframe");
  await expect(box.getByRole("heading", { level: 1 })).toContainText("Webreakfast #2");
  await box.getByLabel("Votre e-mail").fill("pas-une-adresse@");
  // The browser's own check would stop an invalid address; the server's answer is what is tested here.
  await box.locator("form").evaluate((form: HTMLFormElement) => form.setAttribute("novalidate", ""));
  await box.getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(box.getByRole("alert")).toBeVisible();
  await expect(box.locator("#email")).toHaveAttribute("aria-invalid", "true");
  await box.getByLabel("Votre e-mail").fill(reader.email);
  await box.getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(box.getByText("C’est noté.", { exact: false })).toBeVisible();
  await waitForMail(reader.email, /Confirmez votre demande de compte rendu/);
  await reader.context.close();
});

test("a site the admin did not list cannot show the box; the box's own address still answers", async ({ browser, request }) => {
  const reader = await newReader(browser);
  const loaded = reader.page.waitForResponse((response) => response.url().includes("/embed/events/"));
  await reader.page.goto(`${other.origin}/frame`);
  const response = await loaded;
  expect(response.headers()["content-security-policy"]).toContain(`frame-ancestors ${allowed.origin}`);
  expect(response.headers()["content-security-policy"]).not.toContain(other.origin);
  // Chromium refuses to draw it: the frame holds an error page, not the box.
  await reader.page.waitForTimeout(500);
  await expect(reader.page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
  await reader.context.close();

  const direct = await request.get(`/embed/events/${DEMO_UPCOMING_SLUG}?lang=en`);
  expect(direct.status()).toBe(200);
  const english = await direct.text();
  expect(english).toContain('<html lang="en">');
  expect(english).toContain(">Notify me</button>");
  expect((await request.get("/embed/events/no-such-event")).status()).toBe(404);
  // The pages of the site itself are never framed.
  expect((await request.get(`/events/${DEMO_UPCOMING_SLUG}`)).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
