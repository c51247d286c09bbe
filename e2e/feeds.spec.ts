// Calendars, feeds and structured data as readers' tools fetch them: over HTTP, with their content types,
// found from the pages, parsed back.
import ICAL from "ical.js";
import { XMLParser } from "fast-xml-parser";
import { expect, test } from "@playwright/test";
import { DEMO_EVENT_PATH, DEMO_EVENT_SLUG } from "./helpers";

test("an event page offers its .ics, describes itself in JSON-LD and points feed readers to the feeds", async ({ page, request }) => {
  await page.goto(DEMO_EVENT_PATH);
  const calendarLink = page.getByRole("link", { name: "Ajouter à mon agenda" });
  await expect(calendarLink).toHaveAttribute("href", `${DEMO_EVENT_PATH}/calendar.ics`);

  const ics = await request.get(`${DEMO_EVENT_PATH}/calendar.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(ics.headers()["content-disposition"]).toBe(`attachment; filename="${DEMO_EVENT_SLUG}.ics"`);
  const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!;
  expect(vevent.getFirstPropertyValue("summary")).toContain("Plaidoyer, mobilisation");
  // 28 September 2010, 8:00 in Paris (summer time) is 6:00 UTC.
  expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2010-09-28T06:00:00.000Z");

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
  expect(jsonLd).toMatchObject({
    "@type": "Event",
    startDate: "2010-09-28T08:00:00+02:00",
    location: { "@type": "Place", address: { streetAddress: expect.stringContaining("224 rue Saint-Denis") } },
  });
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);

  const feeds = await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(feeds.map((href) => new URL(href!, page.url()).pathname)).toEqual(["/feeds/events.atom", "/feeds/recaps.atom"]);
  const xml = new XMLParser({ ignoreAttributes: false });
  for (const path of ["/feeds/events.atom", "/feeds/recaps.atom"]) {
    const response = await request.get(path);
    expect(response.headers()["content-type"], path).toBe("application/atom+xml; charset=utf-8");
    const parsed = xml.parse(await response.text()) as { feed?: { title?: unknown } };
    expect(parsed.feed?.title, path).toBeTruthy();
  }
  const site = await request.get("/calendar.ics");
  expect(site.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const summaries = new ICAL.Component(ICAL.parse(await site.text()))
    .getAllSubcomponents("vevent")
    .map((event) => String(event.getFirstPropertyValue("summary")));
  expect(summaries.some((summary) => summary.includes("Webreakfast #2"))).toBe(true);

  const missing = await request.get("/events/no-such-event/calendar.ics");
  expect(missing.status()).toBe(404);
});
