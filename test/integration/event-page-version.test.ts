// The version that tells every instance's page cache that an event's public page changed: each
// change a reader would see on the page changes it, whichever use case made it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { postComment } from "@/lib/comments/post-comment";
import { createDatabase } from "@/lib/db/client";
import { lastLocalWriteAt } from "@/lib/db/write-clock";
import { getEventPageVersion } from "@/lib/events/get-event-page-version";
import { PageVersions } from "@/lib/http/page-versions";
import { saveEvent } from "@/lib/events/save-event";
import { actOnAccount } from "@/lib/users/act-on-account";
import { updateOwnProfile } from "@/lib/users/update-own-profile";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { createComment, createEvent, createHost, createRecapRequest, eventFormFor, trustedBrowser } from "../factories";

const db = createDatabase();
let host: Actor;
beforeAll(async () => {
  host = await createHost(db);
});

/** Runs `change` and tells whether the page version moved (a millisecond apart, as timestamps are part of it). */
async function changesVersion(slug: string, change: () => Promise<unknown>): Promise<boolean> {
  const before = await getEventPageVersion({ db, slug });
  await new Promise((resolve) => setTimeout(resolve, 5));
  await change();
  return (await getEventPageVersion({ db, slug })) !== before;
}

describe("the event page's version", () => {
  it("is null for an unknown or unpublished event", async () => {
    expect(await getEventPageVersion({ db, slug: "nowhere" })).toBeNull();
    const draft = await createEvent(db, { status: "DRAFT" });
    expect(await getEventPageVersion({ db, slug: draft.slug })).toBeNull();
  });

  it("changes when a comment is approved, rejected after approval, or published at once", async () => {
    const event = await createEvent(db);
    const held = await createComment(db, event.id, { status: "PENDING" });
    expect(await changesVersion(event.slug, () => moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } }))).toBe(true);
    expect(await changesVersion(event.slug, () => moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "REJECTED" } }))).toBe(true);

    const commenterKey = await trustedBrowser(db, "habituee@example.org");
    const known = { authorName: "Habituée", authorEmail: "habituee@example.org", body: `Encore merci ${Math.random()}` };
    expect(await changesVersion(event.slug, () => postComment({ db, eventSlug: event.slug, input: known, client: { ip: "198.51.100.7", commenterKey } }))).toBe(
      true,
    );
    // A held comment changes nothing anyone else sees.
    const unknown = { authorName: "Nouvelle", authorEmail: "nouvelle@example.org", body: `Bonjour ${Math.random()}` };
    expect(await changesVersion(event.slug, () => postComment({ db, eventSlug: event.slug, input: unknown, client: { ip: "198.51.100.8" } }))).toBe(false);
  });

  it("changes when the event is edited and when its recap is published", async () => {
    const event = await createEvent(db);
    const form = await eventFormFor(db, event.id, { title: "Titre corrigé", status: "PUBLISHED" });
    expect(await changesVersion(event.slug, () => saveEvent({ db, actor: host, existingSlug: event.slug, input: form }))).toBe(true);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
    expect(await changesVersion(event.slug, () => publishRecap({ db, actor: host, eventSlug: event.slug }))).toBe(true);
  });

  it("changes when a host who commented renames their account, and when their account is removed", async () => {
    const replier = await createHost(db, { name: "Frédéric" });
    const admin = await createHost(db, { role: "ADMIN" });
    const event = await createEvent(db);
    await createComment(db, event.id, { authorUserId: replier.id, authorName: "Frédéric", status: "APPROVED" });
    const email = (await db.user.findUniqueOrThrow({ where: { id: replier.id } })).email;
    const rename = () => updateOwnProfile({ db, actor: replier, input: { name: "Frédéric D.", email } });
    expect(await changesVersion(event.slug, rename)).toBe(true);
    const remove = () => actOnAccount({ db, actor: admin, userId: replier.id, action: "remove" });
    expect(await changesVersion(event.slug, remove)).toBe(true);
  });

  it("changes when the published recap is edited, and when the organisation's name changes (on every page)", async () => {
    const event = await createEvent(db);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Première version.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    expect(await changesVersion(event.slug, () => saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Version corrigée.", links: [] } }))).toBe(
      true,
    );
    const admin = await createHost(db, { role: "ADMIN" });
    const rename = () =>
      updateSiteSettings({
        db,
        actor: admin,
        input: { organisationName: `Collectif ${Date.now()}`, accentColor: "#1f5fae", defaultLocale: "fr", timeZone: "Europe/Paris" },
      });
    expect(await changesVersion(event.slug, rename)).toBe(true);
  });

  it("changes when a recap e-mail goes out although as many people still wait (the page says how many were sent it)", async () => {
    const event = await createEvent(db);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const waiting = await createRecapRequest(db, event.id);
    const newcomer = await createRecapRequest(db, event.id, { status: "UNCONFIRMED", confirmedAt: null });
    // One is sent the recap as another confirms: one waits before and after, one more was sent it.
    const sendAndConfirm = () =>
      db.$transaction([
        db.recapRequest.update({ where: { id: waiting.id }, data: { recapSentAt: new Date() } }),
        db.recapRequest.update({ where: { id: newcomer.id }, data: { status: "CONFIRMED", confirmedAt: new Date() } }),
      ]);
    expect(await changesVersion(event.slug, sendAndConfirm)).toBe(true);
  });

  it("stays the same when another event's recap e-mail goes out, so that page stays cached", async () => {
    const event = await createEvent(db);
    const other = await createEvent(db);
    const request = await createRecapRequest(db, other.id);
    expect(await changesVersion(event.slug, () => db.recapRequest.update({ where: { id: request.id }, data: { recapSentAt: new Date() } }))).toBe(false);
  });

  it("changes when someone's recap request is confirmed (the page shows how many wait)", async () => {
    const event = await createEvent(db);
    const request = await createRecapRequest(db, event.id, { status: "UNCONFIRMED" });
    expect(await changesVersion(event.slug, () => db.recapRequest.update({ where: { id: request.id }, data: { status: "CONFIRMED" } }))).toBe(true);
  });

  it("is seen at once by the instance that made the change, however long versions are otherwise kept", async () => {
    const event = await createEvent(db);
    const held = await createComment(db, event.id, { status: "PENDING" });
    // A copy of the version kept for a minute: only this process's own writes make it read again.
    let reads = 0;
    const versions = new PageVersions({
      maxAgeMs: 60_000,
      read: (slug) => {
        reads++;
        return getEventPageVersion({ db, slug });
      },
    });
    const before = await versions.get(event.slug);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } });
    // (A read in the very millisecond of the write is not trusted later: which came first is unknown.)
    await new Promise((resolve) => setTimeout(resolve, 2));
    const after = await versions.get(event.slug);
    expect(after).not.toBe(before);
    expect(after).toBe(await getEventPageVersion({ db, slug: event.slug }));
    // With nothing written since, the kept copy is used: a reader's request costs no query.
    const readsSoFar = reads;
    expect(await versions.get(event.slug)).toBe(after);
    expect(reads).toBe(readsSoFar);
  });

  it("notes a write when a transaction commits and when a statement changes rows, not when one only reads", async () => {
    const event = await createEvent(db);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const beforeRead = lastLocalWriteAt();
    await db.event.findUnique({ where: { id: event.id } });
    await db.$queryRaw`SELECT 1`;
    expect(lastLocalWriteAt()).toBe(beforeRead);
    await db.event.update({ where: { id: event.id }, data: { summary: "Changé" } });
    const afterUpdate = lastLocalWriteAt();
    expect(afterUpdate).toBeGreaterThan(beforeRead);
    await new Promise((resolve) => setTimeout(resolve, 2));
    let insideTransaction = 0;
    await db.$transaction(async (tx) => {
      await tx.event.update({ where: { id: event.id }, data: { summary: "Encore" } });
      insideTransaction = lastLocalWriteAt();
    });
    // Not before the commit (a reader in between would still see the old row), but after it.
    expect(insideTransaction).toBe(afterUpdate);
    expect(lastLocalWriteAt()).toBeGreaterThan(afterUpdate);
  });
});
