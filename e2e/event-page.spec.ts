import { expect, test } from "@playwright/test";
import { DEMO_EVENT_PATH, newReader } from "./helpers";

test("a visitor reads the demo event in French, with Martin's comment", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Plaidoyer, mobilisation et collecte de fonds/ }).click();
  await expect(page).toHaveURL(DEMO_EVENT_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Plaidoyer, mobilisation et collecte de fonds");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByText("mardi 28 septembre 2010")).toBeVisible();
  await expect(page.getByText("Frédéric Bardeau et Olivier Blondeau")).toBeVisible();
  await expect(page.getByText("224 rue Saint-Denis, 75002 Paris")).toBeVisible();
  await expect(page.getByText("clickactivism").first()).toBeVisible();
  // Martin's comment is the oldest, so it comes first (other specs may have added comments since).
  const first = page.locator(".comment").first();
  await expect(first).toContainText("Martin");
  await expect(first).toContainText("le 4 oct. 2010");
  await expect(first).toContainText("Y a t’il eu un compte rendu de ce premier webreackfast");
  await expect(first.getByRole("link", { name: "Martin" })).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(page.getByRole("heading", { name: /^\d+ commentaires?$/ })).toBeVisible();
});

test("the language follows Accept-Language, defaults to French and can be switched on every page", async ({ browser }) => {
  const english = await browser.newContext({ locale: "en-GB" });
  const page = await english.newPage();
  await page.goto(DEMO_EVENT_PATH);
  await expect(page.getByText("Hosted by")).toBeVisible();
  await expect(page.getByText("Tuesday, September 28, 2010")).toBeVisible();

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page).toHaveURL(DEMO_EVENT_PATH);
  await expect(page.getByText("Animé par")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Rencontres" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Events", exact: true })).toBeVisible();
  await english.close();

  const german = await browser.newContext({ locale: "de-DE" });
  const germanPage = await german.newPage();
  await germanPage.goto("/");
  await expect(germanPage.getByRole("heading", { name: "Rencontres" })).toBeVisible();
  await german.close();
});

test("the language switch works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(DEMO_EVENT_PATH);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(DEMO_EVENT_PATH);
  await expect(page.getByText("Hosted by")).toBeVisible();
  // The page's query comes back with it: the second page of conversations stays the second page.
  await page.goto(`${DEMO_EVENT_PATH}?comments=2`);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page).toHaveURL(`${DEMO_EVENT_PATH}?comments=2`);
  await expect(page.getByText("Animé par")).toBeVisible();
  await context.close();
});

test("an unknown event is a localised 404", async ({ page }) => {
  const response = await page.goto("/events/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});

test("pages make no request to any other host", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:") foreign.push(request.url());
  });
  await page.goto("/");
  await page.goto(DEMO_EVENT_PATH);
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});

test("public pages load none of Next.js's client runtime, only the forms script; the dashboard keeps its runtime", async ({ browser }) => {
  const reader = await newReader(browser);
  const scripts: string[] = [];
  reader.page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  for (const path of ["/", DEMO_EVENT_PATH, "/legal", "/privacy"]) {
    await reader.page.goto(path, { waitUntil: "networkidle" });
    // Nor inline: the page's data for hydration (self.__next_f) or Turbopack's bootstrap.
    const inline = await reader.page
      .locator("script:not([src])")
      .evaluateAll((elements) =>
        elements.filter((element) => element.getAttribute("type") !== "application/ld+json").map((element) => element.textContent?.slice(0, 60)),
      );
    expect({ path, inline }).toEqual({ path, inline: [] });
  }
  expect([...new Set(scripts)]).toEqual(["/forms.js"]);
  await reader.context.close();

  // A host signing in gets the dashboard's client components, which need the runtime.
  const host = await browser.newPage();
  const hostScripts: string[] = [];
  host.on("request", (request) => {
    if (request.resourceType() === "script") hostScripts.push(new URL(request.url()).pathname);
  });
  await host.goto("/sign-in", { waitUntil: "networkidle" });
  expect(hostScripts.some((path) => path.startsWith("/_next/static/chunks/"))).toBe(true);
  await host.close();
});
