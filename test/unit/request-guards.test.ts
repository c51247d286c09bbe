import { describe, expect, it } from "vitest";
import { refuseBeforeNext } from "@/lib/http/request-guards";

const post = (url: string, headers: Record<string, string>) => ({ method: "POST", url, headers });
const action = { "next-action": "0".repeat(40), host: "debrief.example.org" };
const form = { "content-type": "multipart/form-data; boundary=x", host: "debrief.example.org" };

describe("form posts refused before Next.js reads them", () => {
  it("images are uploaded only in the dashboard: a form elsewhere over 256 KB is refused, a dashboard one up to 6 MB is not", () => {
    expect(refuseBeforeNext(post("/events/atelier", { ...action, "content-length": String(300 * 1024) }))).toEqual({ status: 413, messageKey: "bodyTooLarge" });
    expect(refuseBeforeNext(post("/sign-in", { ...form, "content-length": String(1024 * 1024) }))).toEqual({ status: 413, messageKey: "bodyTooLarge" });
    expect(refuseBeforeNext(post("/events/atelier", { ...action, "content-length": String(20 * 1024) }))).toBeNull();
    expect(refuseBeforeNext(post("/dashboard/settings", { ...action, "content-length": String(5 * 1024 * 1024) }))).toBeNull();
    expect(refuseBeforeNext(post("/dashboard/events/new", { ...form, "content-length": String(5 * 1024 * 1024) }))).toBeNull();
    expect(refuseBeforeNext(post("/dashboard/settings", { ...action, "content-length": String(7 * 1024 * 1024) }))).toEqual({
      status: 413,
      messageKey: "bodyTooLarge",
    });
    // "/dashboardx" is not the dashboard.
    expect(refuseBeforeNext(post("/dashboardx", { ...action, "content-length": String(1024 * 1024) }))?.status).toBe(413);
  });

  it("a form posted from another site is refused, with or without JavaScript; the JSON API has its own checks", () => {
    expect(refuseBeforeNext(post("/events/atelier", { ...action, origin: "https://evil.example" }))?.status).toBe(403);
    expect(refuseBeforeNext(post("/events/atelier", { ...form, origin: "https://evil.example" }))?.status).toBe(403);
    expect(refuseBeforeNext(post("/events/atelier", { ...form, "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(refuseBeforeNext(post("/events/atelier", { ...form, origin: "https://debrief.example.org" }))).toBeNull();
    expect(refuseBeforeNext(post("/api/events/atelier/comments", { "content-type": "application/json", origin: "https://evil.example" }))).toBeNull();
  });
});
