// Two app instances and two outbox workers on one PostgreSQL, as an organisation behind a load
// balancer runs them: readers use either instance, a host publishes through one, and every
// requester is mailed exactly once by whichever worker claimed their row.
import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startSmtpSink } from "../test/smtp-sink";
import { dropDatabases, onServer, withDatabase } from "../test/setup/postgres-databases";
import { createAccount, DEMO_EVENT_PATH, DEMO_EVENT_SLUG, publishFromEditor } from "./helpers";
import { freePort } from "../scripts/free-port";

const serverUrl = process.env.TEST_DATABASE_URL_PG;
/** People who ask for the recap of the event published from one instance. */
const REQUESTERS = 24;

test.skip(!serverUrl && !process.env.CI, "needs PostgreSQL: set TEST_DATABASE_URL_PG=postgresql://postgres@127.0.0.1:5432/postgres");

test("two instances and two workers on one PostgreSQL: comments through both, recap published through one, each requester mailed once", async ({ browser }) => {
  test.setTimeout(300_000);
  if (!serverUrl) throw new Error("CI runs this test on PostgreSQL: TEST_DATABASE_URL_PG must be set");

  const PORTS = [await freePort()];
  while (PORTS.length < 2) {
    const port = await freePort();
    if (port !== PORTS[0]) PORTS.push(port);
  }
  const prefix = `debrief_e2e_multi_${process.pid}_`;
  const databaseUrl = withDatabase(serverUrl, `${prefix}db`);
  await dropDatabases(serverUrl, prefix);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${prefix}db"`));
  // Each message is acknowledged after 150 ms, so sending a batch takes long enough for both workers to claim some.
  const sink = await startSmtpSink({ delayMs: 150 });
  const site = (index: number) => `http://127.0.0.1:${PORTS[index % 2]}`;
  const environment = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_SECRET: "e2e-multi-secret-0123456789abcdef",
    SITE_URL: site(0),
    NEXTAUTH_URL: site(0),
    TRUST_PROXY_HOPS: "1",
    COMMENT_MIN_FILL_SECONDS: "1",
    CONFIRMATION_EMAILS_PER_HOUR: "10000",
    // Small batches, so the two workers share the work.
    OUTBOX_BATCH_SIZE: "4",
    RUN_WORKER: "false",
  };
  const processes: ChildProcess[] = [];
  const logs: string[] = [];
  const launch = (script: string, env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk) => logs.push(String(chunk)));
    child.stderr!.on("data", (chunk) => logs.push(String(chunk)));
    processes.push(child);
  };

  try {
    // Both instances start at once with `npm start`'s script: they take turns migrating and seeding.
    for (const port of PORTS) launch("scripts/start.ts", { ...environment, PORT: String(port) });
    for (const name of ["worker-a", "worker-b"]) launch("scripts/worker.ts", { ...environment, SMTP_URL: `${sink.url}?name=${name}` });
    for (const port of PORTS) {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] })
        .toBe(200);
    }

    // Readers ask for the recap through either instance, each from their own address.
    const readers = Array.from({ length: REQUESTERS }, (_, index) => ({ index, email: `multi-${index}-${Date.now()}@example.org` }));
    for (const reader of readers) {
      const response = await fetch(`${site(reader.index)}/api/events/${DEMO_EVENT_SLUG}/recap-requests`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${reader.index + 1}` },
        body: JSON.stringify({ email: reader.email, name: `Lecteur ${reader.index}` }),
      });
      expect(response.status).toBe(202);
    }
    const mailsTo = (address: string, subject: RegExp) => sink.received.filter((mail) => mail.to.includes(address) && subject.test(mail.subject));
    await expect.poll(() => readers.filter((reader) => mailsTo(reader.email, /Confirmez/).length > 0).length, { timeout: 60_000 }).toBe(REQUESTERS);

    // Each confirms from the link in their mail, half of them landing on the other instance.
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const reader of readers) {
      const [confirmation] = mailsTo(reader.email, /Confirmez/);
      const link = /https?:\/\/\S+\/recap-requests\/confirm\?token=[\w.-]+/.exec(confirmation.text)?.[0];
      expect(link, confirmation.text).toBeTruthy();
      await page.goto(link!.replace(site(0), site(reader.index)));
      await page.getByRole("button", { name: "Confirmer ma demande" }).click();
      await expect(page.getByRole("heading", { name: "Demande confirmée" })).toBeVisible();
    }

    // A comment through each instance; both are held for moderation.
    const bodies = PORTS.map((port) => `Posté via l’instance ${port}. Y aura-t-il un compte rendu ? (${Date.now()})`);
    const commentIds: string[] = [];
    for (const [index, body] of bodies.entries()) {
      const response = await fetch(`${site(index)}/api/events/${DEMO_EVENT_SLUG}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${index + 1}` },
        body: JSON.stringify({ authorName: `Auteur ${index}`, authorEmail: `auteur-${index}-${Date.now()}@example.org`, body }),
      });
      expect(response.status).toBe(201);
      const posted = await response.json();
      expect(posted).toMatchObject({ status: "PENDING" });
      commentIds.push(posted.id);
    }

    // The second instance serves the event page to anonymous readers from its cache…
    const pageOnSecond = () => fetch(`${site(1)}${DEMO_EVENT_PATH}`, { headers: { "accept-language": "fr" } });
    // (fetch resolves on the headers; the copy is kept once the whole page has been sent.)
    await (await pageOnSecond()).text();
    const cached = await pageOnSecond();
    expect(cached.headers.get("x-debrief-cache")).toBe("hit");
    for (const body of bodies) expect(await cached.clone().text()).not.toContain(body.slice(0, 30));
    // The author of the first comment, reading on the second instance, gets that page with their comment, marked held.
    const authorOnSecond = () =>
      fetch(`${site(1)}${DEMO_EVENT_PATH}`, { headers: { "accept-language": "fr", cookie: `debrief_own_comments=${commentIds[0]}` } });
    const authorsPage = await authorOnSecond();
    expect(authorsPage.headers.get("x-debrief-cache")).toBe("personal");
    const authorsHtml = await authorsPage.text();
    expect(authorsHtml).toContain(bodies[0].slice(0, 30));
    expect(authorsHtml).toContain(`<li id="comment-${commentIds[0]}" class="comment"><article class="comment__card comment__card--pending">`);
    expect(authorsHtml).not.toContain(bodies[1].slice(0, 30));

    // A host signs in on the first instance, approves both, publishes the recap.
    const hostEmail = `hote-multi-${Date.now()}@example.org`;
    expect(createAccount(hostEmail, "mot de passe très long", "HOST", databaseUrl)).toContain("Created host");
    await page.goto(`${site(0)}/sign-in`);
    await page.getByLabel("E-mail").fill(hostEmail);
    await page.getByLabel("Mot de passe").fill("mot de passe très long");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    await page.goto(`${site(0)}/dashboard/moderation`);
    for (const body of bodies) {
      await page.locator(".comment", { hasText: body }).getByRole("button", { name: "Approuver" }).click();
      await expect(page.locator(".comment", { hasText: body })).toHaveCount(0);
    }
    // …and the other instance’s approval makes that copy stale: its version is checked at most 250 ms apart.
    const afterApproval = await pageOnSecond();
    expect(afterApproval.headers.get("x-debrief-cache")).toBe("miss");
    const html = await afterApproval.text();
    for (const body of bodies) expect(html).toContain(body.slice(0, 30));
    // The author too gets the page every reader gets now, their comment no longer marked held.
    const authorsPageAfter = await authorOnSecond();
    expect(authorsPageAfter.headers.get("x-debrief-cache")).toBe("hit");
    const authorsHtmlAfter = await authorsPageAfter.text();
    expect(authorsHtmlAfter).toContain(bodies[0].slice(0, 30));
    expect(authorsHtmlAfter).toContain(`<li id="comment-${commentIds[0]}" class="comment"><article class="comment__card">`);
    expect(authorsHtmlAfter).not.toContain("comment__card--pending");
    // The other instance shows what this one approved.
    const reader = await browser.newPage();
    await reader.goto(`${site(1)}${DEMO_EVENT_PATH}`);
    for (const body of bodies) await expect(reader.locator(".comment", { hasText: body })).toBeVisible();
    // The demo's three requesters have waited since 2010; now these readers too.
    await expect(reader.locator("#recap-request")).toContainText(`${REQUESTERS + 3} personnes l’attendent depuis le 4 octobre 2010.`);

    await page.goto(`${site(0)}/dashboard/events/${DEMO_EVENT_SLUG}/recap`);
    await page.getByLabel("Le compte rendu (Markdown)").fill("Le compte rendu, publié depuis la première instance.");
    await publishFromEditor(page);
    await reader.reload();
    await expect(reader.locator("#recap")).toContainText("publié depuis la première instance");

    // Every requester gets exactly one recap mail; a moment more shows no late duplicate.
    await expect.poll(() => readers.filter((one) => mailsTo(one.email, /compte rendu est en ligne/).length > 0).length, { timeout: 60_000 }).toBe(REQUESTERS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const one of readers) {
      expect(mailsTo(one.email, /compte rendu est en ligne/), one.email).toHaveLength(1);
      expect(mailsTo(one.email, /Confirmez/), one.email).toHaveLength(1);
    }
    // Both workers did part of the sending.
    const senders = new Set(sink.received.map((mail) => mail.clientName));
    expect([...senders].sort()).toEqual(["worker-a", "worker-b"]);
    const statuses = await onServer(
      databaseUrl,
      async (client) => (await client.query(`SELECT status, count(*)::int AS n FROM "OutboundEmail" GROUP BY status`)).rows,
    );
    // Each reader's confirmation and recap, and the recap to the demo's three requesters.
    expect(statuses).toEqual([{ status: "SENT", n: REQUESTERS * 2 + 3 }]);
    await context.close();
    await reader.close();
  } catch (error) {
    console.error(logs.join("").slice(-5000));
    throw error;
  } finally {
    for (const child of processes) child.kill("SIGTERM");
    await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
    await sink.close();
    await dropDatabases(serverUrl, prefix);
  }
});
