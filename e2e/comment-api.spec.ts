// The JSON API's comment POST as clients get it from the production server, which answers it before Next.js
// (server.ts, lib/http/comment-api.ts): every answer a client can get, with its status, its message in the
// client's language, its headers and the commenter's cookie; bodies over the limit however they are sent.
import http from "node:http";
import { expect, test } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import { DEMO_EVENT_SLUG } from "./helpers";

const path = `/api/events/${DEMO_EVENT_SLUG}/comments`;
let counter = 0;
/** A client of its own: its own address (so no limit another test used up), its own e-mail. */
const client = () => {
  counter += 1;
  const id = `${process.pid.toString(16)}:a${counter.toString(16)}`;
  return { ip: `2001:db8:c0::${id}`, email: `api-${process.pid}-${counter}@example.org` };
};
const comment = (email: string) => ({ authorName: "Client de l'API", authorEmail: email, body: `Y a-t-il eu un compte rendu ? (${Date.now()})` });

test("a comment posted through the API: 201, the comment's state, the commenter's cookie, the site's headers", async ({ request }) => {
  const { ip, email } = client();
  const response = await request.post(path, { headers: { "x-forwarded-for": ip }, data: comment(email) });
  expect(response.status()).toBe(201);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({
    id: expect.any(String),
    status: "PENDING",
    asksForRecap: true,
    recapRequest: "not-requested",
    recapPublished: false,
  });
  // The key that lets a host trust this client, kept like a browser keeps it: HttpOnly, for a year, on the whole site.
  const cookie = response.headers()["set-cookie"];
  expect(cookie).toMatch(/^debrief_commenter=[A-Za-z0-9_-]{32}; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/i);
  // The same headers as every answer of the site.
  expect(response.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin" });
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  expect(response.headers()["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self'; .*frame-ancestors 'none'/);

  // The client sends its key back: it is kept, not replaced. (Another address: one may post only every 15 s.)
  const key = /debrief_commenter=([^;]+)/.exec(cookie)![1];
  const again = await request.post(path, {
    headers: { "x-forwarded-for": client().ip, cookie: `other=1; debrief_commenter=${key}` },
    data: comment(client().email),
  });
  expect(again.status()).toBe(201);
  expect(again.headers()["set-cookie"]).toContain(`debrief_commenter=${key};`);
});

test("over https, behind the trusted proxy, the commenter's cookie is Secure", async ({ request }) => {
  const { ip, email } = client();
  const response = await request.post(path, { headers: { "x-forwarded-for": ip, "x-forwarded-proto": "https" }, data: comment(email) });
  expect(response.status()).toBe(201);
  expect(response.headers()["set-cookie"]).toMatch(/; Secure$/);
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("every refusal: its status and its message in the client's language", async ({ request }) => {
  const send = async (options: { language: "fr" | "en"; headers?: Record<string, string>; data?: unknown; url?: string }) => {
    const response = await request.post(options.url ?? path, {
      headers: { "x-forwarded-for": client().ip, "accept-language": options.language, ...options.headers },
      data: options.data ?? comment(client().email),
    });
    const body = (await response.json()) as { error: { code: string; message: string; fieldErrors?: Record<string, { message: string }[]> } };
    return { status: response.status(), code: body.error.code, message: body.error.message, fieldErrors: body.error.fieldErrors };
  };
  for (const [language, messages] of [
    ["fr", fr.errors],
    ["en", en.errors],
  ] as const) {
    expect(await send({ language, headers: { "content-type": "text/plain" }, data: JSON.stringify(comment("x@example.org")) })).toMatchObject({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: messages.jsonRequired,
    });
    expect(await send({ language, headers: { "content-type": "application/json" }, data: Buffer.from("{ not json") })).toMatchObject({
      status: 400,
      code: "INVALID",
      message: messages.invalidJson,
    });
    expect(await send({ language, headers: { "sec-fetch-site": "cross-site" } })).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: messages.crossSiteRefused,
    });
    expect(await send({ language, headers: { origin: "https://attacker.example" } })).toMatchObject({ status: 403, message: messages.crossSiteRefused });
    expect(await send({ language, url: "/api/events/pas-de-rencontre-ici/comments" })).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      message: messages.eventNotFound,
    });
    const invalid = await send({ language, data: { authorName: "", authorEmail: "pas une adresse", body: "" } });
    expect(invalid).toMatchObject({ status: 400, code: "INVALID" });
    expect(Object.keys(invalid.fieldErrors!).sort()).toEqual(["authorEmail", "authorName", "body"]);
    expect(invalid.fieldErrors!.authorEmail[0].message).toBe(messages.emailInvalid);
  }
  expect(await send({ language: "en", data: { body: "x".repeat(70 * 1024) } })).toMatchObject({ status: 413, message: en.errors.bodyTooLarge });
});

test("posting again at once from the same address is refused with when to retry", async ({ request }) => {
  const { ip, email } = client();
  expect((await request.post(path, { headers: { "x-forwarded-for": ip }, data: comment(email) })).status()).toBe(201);
  const refused = await request.post(path, { headers: { "x-forwarded-for": ip, "accept-language": "fr" }, data: comment(client().email) });
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15);
  expect(await refused.json()).toEqual({ error: { code: "RATE_LIMITED", message: fr.errors.floodControl, retryAfterSeconds: retryAfter } });
});

test("a body over the limit sent in chunks, with no length announced, is refused as soon as it passes the limit, on every JSON endpoint, and the connection goes on", async ({
  baseURL,
}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** Sends the chunks and, unless `waitForAnswer`, ends the body; when it does wait, it ends it only once answered. */
  const post = (url: string, chunks: string[], waitForAnswer = false) =>
    new Promise<{ status: number; body: string; reusedSocket: boolean }>((resolve, reject) => {
      const sent = http.request(
        new URL(url, baseURL),
        { method: "POST", agent, headers: { "content-type": "application/json", "x-forwarded-for": client().ip, "accept-language": "en" } },
        (response) => {
          if (waitForAnswer) sent.end(`${"x".repeat(100 * 1024)}"}`);
          let body = "";
          response.setEncoding("utf8").on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode!, body, reusedSocket: sent.reusedSocket }));
        },
      );
      sent.on("error", reject);
      // No Content-Length: Node sends the body chunked, as a client streaming it would.
      for (const chunk of chunks) sent.write(chunk);
      if (!waitForAnswer) sent.end();
    });
  const inPieces = (text: string) => Array.from({ length: Math.ceil(text.length / 8192) }, (_, index) => text.slice(index * 8192, (index + 1) * 8192));
  // The comment (answered before Next.js) and the recap request (a Next.js route): the same limit, the same answer.
  for (const [url, fields, accepted] of [
    [path, `"authorName":"Gros","authorEmail":"${client().email}","body":"Un commentaire en morceaux"`, 201],
    [`/api/events/${DEMO_EVENT_SLUG}/recap-requests`, `"email":"${client().email}"`, 202],
  ] as const) {
    // 70 KB sent, the rest held back until the answer comes: it comes without waiting for the end.
    const refused = await post(url, inPieces(`{${fields},"padding":"${"x".repeat(70 * 1024)}`), true);
    expect(refused.status, url).toBe(413);
    expect(JSON.parse(refused.body).error.message).toBe(en.errors.bodyTooLarge);
    // A body just under the limit (64 KB; JSON allows the spaces), streamed the same way, is read whole, on the
    // same connection.
    const fits = await post(url, inPieces(`{${" ".repeat(60 * 1024)}${fields}}`));
    expect(fits, url).toMatchObject({ status: accepted, reusedSocket: true });
  }
  agent.destroy();
});

test("a slug the server cannot decode gets a 4xx, never a 500", async ({ request }) => {
  const response = await request.post("/api/events/%E0%A4%A/comments", { data: comment(client().email) });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
});
