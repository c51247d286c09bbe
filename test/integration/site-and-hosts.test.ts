// The association's own site: its settings and images (checked, resized, shown everywhere), its hosts
// (invited by e-mail, accepting once, with the public name they chose), accounts managed without losing the
// last admin, profiles, the event editor's address and cover, deletion, and e-mails that carry the
// organisation's name, logo and address.
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/authenticate";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { MAX_UPLOAD_BYTES } from "@/lib/assets/store-image";
import { createDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/json-answer";
import { deleteEvent } from "@/lib/events/delete-event";
import { getPublishedEvent } from "@/lib/events/get-event";
import { saveEvent } from "@/lib/events/save-event";
import { createMailTransport } from "@/lib/notifications/mailer";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { requestRecap } from "@/lib/recaps/request-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { getSiteSettings, lastKnownDefaultLocale } from "@/lib/settings/site-settings";
import { updateSiteImage } from "@/lib/settings/update-site-image";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { actOnAccount } from "@/lib/users/act-on-account";
import { createUser } from "@/lib/users/create-user";
import { findInvitation } from "@/lib/users/find-invitation";
import { inviteHost } from "@/lib/users/invite-host";
import { revokeInvitation } from "@/lib/users/revoke-invitation";
import { updateOwnProfile } from "@/lib/users/update-own-profile";
import { deliverAll } from "../deliver-all";
import { createComment, createEvent, createOutboundEmail, createRecapRequest } from "../factories";
import { rejection } from "../rejection";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let transport: ReturnType<typeof createMailTransport>;
let admin: Actor;
let host: Actor;
const password = "a long enough password";

const settingsForm = {
  organisationName: "Agir Pour l’Environnement",
  description: "Association pour l’environnement",
  accentColor: "#2e7d32",
  contactEmail: "contact@agir.example.org",
  defaultLocale: "fr",
  timeZone: "America/Montreal",
  publicUrl: "https://evenements.agir.example.org/",
  legalNotice: "Éditeur : Agir Pour l’Environnement",
};

/** The From header as a mail client shows it (RFC 2047 encoded words decoded). */
function fromHeader(headers: string): string {
  const line = /^From: (.*)$/m.exec(headers)![1];
  return line
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_match, text: string) => decodeURIComponent(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, "%$1")))
    .replace(/^"(.*)"( <)/, "$1$2");
}

/** The token of the invitation link in the last e-mail received (by `to`, when given: other mail may arrive after it). */
function invitationToken(to?: string): string {
  const mail = to ? smtp.received.filter((received) => received.to.includes(to)).at(-1) : smtp.received.at(-1);
  return /\/invitations\/accept\?token=([\w.-]+)/.exec(mail!.text)![1];
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#2e7d32" } })
    .png()
    .toBuffer();
const blob = (bytes: Buffer | string, type = "image/png") => new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type });

beforeAll(async () => {
  smtp = await startSmtpSink();
  transport = createMailTransport(smtp.url);
  const adminUser = await createUser({ db, actor: "system", input: { email: "admin@agir.example.org", name: "Martine", password, role: "ADMIN" } });
  admin = { id: adminUser.id, role: adminUser.role };
  const hostUser = await createUser({ db, actor: admin, input: { email: "camille@agir.example.org", name: "Camille", password, role: "HOST" } });
  host = { id: hostUser.id, role: hostUser.role };
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe("site settings", () => {
  it("an admin saves them; every reader of the settings sees them at once; audited with what changed", async () => {
    expect((await getSiteSettings(db)).organisationName).toBe("Debrief");
    const { changed } = await updateSiteSettings({ db, actor: admin, input: settingsForm });
    expect(changed).toEqual(expect.arrayContaining(["organisationName", "accentColor", "publicUrl"]));
    // Another instance is another client on the same database.
    const otherInstance = createDatabase();
    expect(await getSiteSettings(otherInstance)).toMatchObject({ ...settingsForm, publicUrl: "https://evenements.agir.example.org" });
    await otherInstance.$disconnect();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { createdAt: "desc" } });
    expect(audit.actorId).toBe(admin.id);
  });

  it.each([
    ["accentColor", "red", "colorInvalid"],
    ["accentColor", "#12345", "colorInvalid"],
    ["accentColor", "#123456; background:url(x)", "colorInvalid"],
    ["organisationName", "", "organisationNameRequired"],
    ["organisationName", "x".repeat(121), "organisationNameTooLong"],
    ["publicUrl", "javascript:alert(1)", "urlInvalid"],
    ["publicUrl", "https://user:pass@example.org", "urlInvalid"],
    ["publicUrl", "evenements.example.org", "urlInvalid"],
    ["contactEmail", "pas une adresse", "emailInvalid"],
    ["timeZone", "Mars/Olympus", "timeZoneInvalid"],
    ["defaultLocale", "de", "localeInvalid"],
  ])("refuses %s = %j with %s and changes nothing", async (field, value, key) => {
    const before = await getSiteSettings(db);
    const error = await rejection(updateSiteSettings({ db, actor: admin, input: { ...settingsForm, [field]: value } }));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.[field]).toEqual([key]);
    expect(await getSiteSettings(db)).toEqual(before);
  });

  it("a JSON error without a language of the client's speaks the site's, as last read by any copy of the code", async () => {
    // server.ts and Next.js's bundle each load their own copy of the settings module; a second copy here stands
    // for the other one.
    const otherCopyPath = "@/lib/settings/site-settings?another-copy";
    const otherCopy: typeof import("@/lib/settings/site-settings") = await import(/* @vite-ignore */ otherCopyPath);
    const invalidJson = () => (errorAnswer(new AppError("INVALID", "invalidJson"), null).body as { error: { message: string } }).error.message;
    await updateSiteSettings({ db, actor: admin, input: { ...settingsForm, defaultLocale: "en" } });
    await otherCopy.getSiteSettings(db);
    expect(lastKnownDefaultLocale()).toBe("en");
    expect(invalidJson()).toBe("The request body is not valid JSON.");
    await updateSiteSettings({ db, actor: admin, input: { ...settingsForm, defaultLocale: "fr" } });
    await getSiteSettings(db);
    expect(otherCopy.lastKnownDefaultLocale()).toBe("fr");
    expect(invalidJson()).toBe("Le corps de la requête n’est pas du JSON valide.");
  });

  it("hosts and visitors cannot change them", async () => {
    expect((await rejection(updateSiteSettings({ db, actor: host, input: { ...settingsForm, organisationName: "Pirate" } }))).code).toBe("NOT_FOUND");
    expect((await rejection(updateSiteSettings({ db, actor: null, input: { ...settingsForm, organisationName: "Pirate" } }))).code).toBe("UNAUTHORIZED");
    expect((await rejection(updateSiteImage({ db, actor: host, image: "logo", file: blob(await png(10, 10)) }))).code).toBe("NOT_FOUND");
    expect((await getSiteSettings(db)).organisationName).not.toBe("Pirate");
  });
});

describe("logo and favicon", () => {
  it("stores a resized copy, never the uploaded bytes; replacing the logo leaves no orphan", async () => {
    // A photo with a location in its metadata.
    const photo = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#abcdef" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-owner", ImageDescription: "GPS 48.85N" } })
      .toBuffer();
    expect(photo.includes("secret-owner")).toBe(true);
    const first = await updateSiteImage({ db, actor: admin, image: "logo", file: blob(photo, "image/jpeg") });
    const asset = await db.asset.findUniqueOrThrow({ where: { id: first.assetId! } });
    expect(asset.contentType).toBe("image/png");
    expect(asset.width).toBeLessThanOrEqual(480);
    expect(asset.height).toBeLessThanOrEqual(160);
    expect(Buffer.from(asset.bytes).includes("secret-owner")).toBe(false);
    expect((await sharp(Buffer.from(asset.bytes)).metadata()).width).toBe(asset.width);

    const second = await updateSiteImage({ db, actor: admin, image: "logo", file: blob(await png(300, 100)) });
    expect((await getSiteSettings(db)).logoAssetId).toBe(second.assetId);
    expect(await db.asset.findUnique({ where: { id: first.assetId! } })).toBeNull();

    const favicon = await updateSiteImage({ db, actor: admin, image: "favicon", file: blob(await png(500, 300)) });
    expect(await db.asset.findUniqueOrThrow({ where: { id: favicon.assetId! }, select: { width: true, height: true } })).toEqual({ width: 64, height: 64 });
  });

  it("two admins uploading a logo at the same moment leave one logo and no image that nothing shows", async () => {
    const images = await Promise.all([1, 2, 3, 4].map((n) => png(300 + n, 100)));
    await Promise.allSettled(images.map((image) => updateSiteImage({ db, actor: admin, image: "logo", file: blob(image) })));
    const unused = await db.asset.count({ where: { logoOf: { none: {} }, faviconOf: { none: {} }, coverOf: { none: {} } } });
    expect(unused).toBe(0);
    expect((await getSiteSettings(db)).logoAssetId).not.toBeNull();
  });

  it.each([
    ["an empty file", async () => blob(Buffer.alloc(0)), "imageRequired"],
    ["a file over 5 MB", async () => blob(Buffer.concat([await png(10, 10), Buffer.alloc(MAX_UPLOAD_BYTES)])), "imageTooLarge"],
    ["a text file called logo.png", async () => blob("hello, not an image"), "imageTypeInvalid"],
    ["an SVG with a script", async () => blob('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"), "imageTypeInvalid"],
    ["a PNG cut in half", async () => blob((await png(400, 400)).subarray(0, 60)), "imageUnreadable"],
  ])("refuses %s and changes nothing", async (_name, file, key) => {
    const before = await getSiteSettings(db);
    const assets = await db.asset.count();
    const error = await rejection(updateSiteImage({ db, actor: admin, image: "logo", file: await file() }));
    expect(error.fieldErrors?.logo).toEqual([key]);
    expect(await getSiteSettings(db)).toEqual(before);
    expect(await db.asset.count()).toBe(assets);
  });
});

describe("inviting hosts", () => {
  const invitationLink = () => {
    const mail = smtp.received.at(-1)!;
    return /https:\/\/evenements\.agir\.example\.org\/invitations\/accept\?token=([\w.-]+)/.exec(mail.text)![1];
  };

  it("the invitee gets an e-mail from the organisation, chooses their public name, and the link then stops working", async () => {
    await inviteHost({ db, actor: admin, input: { email: "Lea@Example.org", role: "HOST" } });
    await deliverAll({ db, transport });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(["lea@example.org"]);
    expect(mail.subject).toContain("Agir Pour l’Environnement");
    expect(fromHeader(mail.headers)).toBe("Agir Pour l’Environnement <debrief@example.org>");
    expect(mail.headers).toMatch(/^Reply-To: contact@agir\.example\.org$/m);
    expect(mail.text).toContain("Martine");
    const token = invitationLink();
    expect(await findInvitation({ db, token })).toMatchObject({ state: "valid", email: "lea@example.org" });

    const user = await acceptInvitation({ db, token, input: { name: "Léa Martin", password } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Léa Martin", role: "HOST", email: "lea@example.org" });
    expect(await authenticate({ db, email: "lea@example.org", password, ip: "192.0.2.10" })).toMatchObject({ id: user.id, name: "Léa Martin" });

    expect((await rejection(acceptInvitation({ db, token, input: { name: "Intrus", password } }))).messageKey).toBe("invitationUsed");
    expect(await findInvitation({ db, token })).toMatchObject({ state: "used" });
    expect(await db.user.count({ where: { email: "lea@example.org" } })).toBe(1);
  });

  it("two tabs accepting at once make one account", async () => {
    await inviteHost({ db, actor: admin, input: { email: "sam@example.org" } });
    await deliverAll({ db, transport });
    const token = invitationLink();
    const results = await Promise.allSettled([1, 2, 3].map((n) => acceptInvitation({ db, token, input: { name: `Sam ${n}`, password } })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: "sam@example.org" } })).toBe(1);
  });

  it("after 7 days the link says it expired and creates nothing; the e-mail of an expired invitation is not sent", async () => {
    const sentAt = new Date();
    await inviteHost({ db, actor: admin, input: { email: "late@example.org" }, now: sentAt });
    await deliverAll({ db, transport });
    const token = invitationLink();
    const later = new Date(sentAt.getTime() + 7 * 86_400_000 + 1000);
    expect(await findInvitation({ db, token, now: later })).toMatchObject({ state: "expired" });
    expect((await rejection(acceptInvitation({ db, token, input: { name: "Late", password }, now: later }))).messageKey).toBe("invitationExpired");
    expect(await db.user.count({ where: { email: "late@example.org" } })).toBe(0);

    const unsent = await inviteHost({ db, actor: admin, input: { email: "never@example.org" }, now: new Date(Date.now() - 8 * 86_400_000) });
    await deliverAll({ db, transport });
    expect(smtp.received.map((mail) => mail.to[0])).not.toContain("never@example.org");
    expect(await db.outboundEmail.findFirstOrThrow({ where: { payload: { contains: unsent.id } } })).toMatchObject({ status: "CANCELLED" });
  });

  it("inviting the same address again retires the first link; forged links and existing accounts are refused", async () => {
    await inviteHost({ db, actor: admin, input: { email: "twice@example.org" } });
    await deliverAll({ db, transport });
    const first = invitationLink();
    await inviteHost({ db, actor: admin, input: { email: "twice@example.org" } });
    await deliverAll({ db, transport });
    const second = invitationLink();
    expect(second).not.toBe(first);
    expect((await rejection(acceptInvitation({ db, token: first, input: { name: "Old", password } }))).messageKey).toBe("invitationExpired");
    await acceptInvitation({ db, token: second, input: { name: "New", password } });

    const [id, signature] = second.split(".");
    for (const forged of [`${id}.${signature.slice(0, -2)}AA`, "nothing", "", `${id}`]) {
      expect((await rejection(acceptInvitation({ db, token: forged, input: { name: "F", password } }))).messageKey).toBe("invitationInvalid");
    }
    expect((await rejection(inviteHost({ db, actor: admin, input: { email: "camille@agir.example.org" } }))).fieldErrors?.email).toEqual(["userExists"]);
    expect((await rejection(inviteHost({ db, actor: host, input: { email: "x@example.org" } }))).code).toBe("NOT_FOUND");
  });
  it("an admin withdraws an invitation: its link says so and creates nothing; a used one cannot be withdrawn; hosts cannot", async () => {
    const invitation = await inviteHost({ db, actor: admin, input: { email: "withdrawn@example.org" } });
    await deliverAll({ db, transport });
    const token = invitationLink();
    expect((await rejection(revokeInvitation({ db, actor: host, invitationId: invitation.id }))).code).toBe("NOT_FOUND");
    expect(await findInvitation({ db, token })).toMatchObject({ state: "valid" });
    await revokeInvitation({ db, actor: admin, invitationId: invitation.id });
    expect(await findInvitation({ db, token })).toMatchObject({ state: "revoked" });
    expect((await rejection(acceptInvitation({ db, token, input: { name: "Too late", password } }))).messageKey).toBe("invitationRevoked");
    expect(await db.user.count({ where: { email: "withdrawn@example.org" } })).toBe(0);
    const log = await listAuditLog({ db, actor: admin, filters: {} });
    expect(log.rows.find((row) => row.targetId === invitation.id && row.action === "user.revoke-invitation")).toBeDefined();

    const used = await inviteHost({ db, actor: admin, input: { email: "used@example.org" } });
    await deliverAll({ db, transport });
    await acceptInvitation({ db, token: invitationLink(), input: { name: "Used", password } });
    expect((await rejection(revokeInvitation({ db, actor: admin, invitationId: used.id }))).messageKey).toBe("invitationUsed");
    expect(await db.user.count({ where: { email: "used@example.org", disabledAt: null } })).toBe(1);
  });

  it("an invitation withdrawn before its e-mail left is never sent", async () => {
    const invitation = await inviteHost({ db, actor: admin, input: { email: "not-yet-sent@example.org" } });
    await revokeInvitation({ db, actor: admin, invitationId: invitation.id });
    await deliverAll({ db, transport });
    expect(smtp.received.map((mail) => mail.to[0])).not.toContain("not-yet-sent@example.org");
    expect(await db.outboundEmail.findFirstOrThrow({ where: { payload: { contains: invitation.id } } })).toMatchObject({ status: "CANCELLED" });
  });

  it("a withdrawal and an acceptance at the same moment: either the account exists or the link is dead, never both", async () => {
    for (const n of [1, 2, 3]) {
      const invitation = await inviteHost({ db, actor: admin, input: { email: `race-${n}@example.org` } });
      await deliverAll({ db, transport });
      const token = invitationLink();
      await Promise.allSettled([
        acceptInvitation({ db, token, input: { name: `Race ${n}`, password } }),
        revokeInvitation({ db, actor: admin, invitationId: invitation.id }),
      ]);
      const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      const accounts = await db.user.count({ where: { email: `race-${n}@example.org` } });
      expect(Boolean(row.acceptedAt) !== Boolean(row.revokedAt)).toBe(true);
      expect(accounts).toBe(row.acceptedAt ? 1 : 0);
    }
  });
});

describe("accounts", () => {
  it("the site always keeps one active admin", async () => {
    const other = await db.user.findMany({ where: { role: "ADMIN", id: { not: admin.id } } });
    expect(other).toHaveLength(0);
    for (const action of ["disable", "remove", "make-host"] as const) {
      expect((await rejection(actOnAccount({ db, actor: admin, userId: admin.id, action }))).messageKey).toBe("lastAdmin");
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
  });

  it("two admins demoting each other at once still leave one", async () => {
    const second = await createUser({ db, actor: admin, input: { email: "second-admin@example.org", name: "Second", password, role: "ADMIN" } });
    const secondActor = { id: second.id, role: second.role };
    await Promise.allSettled([
      actOnAccount({ db, actor: admin, userId: second.id, action: "disable" }),
      actOnAccount({ db, actor: secondActor, userId: admin.id, action: "disable" }),
    ]);
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBeGreaterThanOrEqual(1);
    await db.user.update({ where: { id: admin.id }, data: { disabledAt: null } });
    await db.user.delete({ where: { id: second.id } });
  });

  it("disabling a host ends their sessions and sign-in; re-enabling lets them back; roles change; all audited", async () => {
    const user = await createUser({ db, actor: admin, input: { email: "temp@example.org", name: "Temp", password, role: "HOST" } });
    const session = await createSession(db, user.id, new Date());
    expect(await actorForSession(db, session, new Date())).toMatchObject({ id: user.id });
    await actOnAccount({ db, actor: admin, userId: user.id, action: "disable" });
    expect(await actorForSession(db, session, new Date())).toBeNull();
    expect(await authenticate({ db, email: "temp@example.org", password, ip: "192.0.2.11" })).toBeNull();
    await actOnAccount({ db, actor: admin, userId: user.id, action: "enable" });
    expect(await authenticate({ db, email: "temp@example.org", password, ip: "192.0.2.11" })).toMatchObject({ id: user.id });
    await actOnAccount({ db, actor: admin, userId: user.id, action: "make-admin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN");
    await actOnAccount({ db, actor: admin, userId: user.id, action: "remove" });
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    const log = await listAuditLog({ db, actor: admin, filters: { actorId: admin.id } });
    expect(log.rows.filter((row) => row.targetId === user.id).map((row) => row.action)).toEqual(
      expect.arrayContaining(["user.disable", "user.enable", "user.change-role", "user.remove"]),
    );
    expect((await rejection(actOnAccount({ db, actor: host, userId: admin.id, action: "disable" }))).code).toBe("NOT_FOUND");
  });
  it("invitations an admin sent stop working when that admin is disabled, removed or made a host; the log keeps a removed person's name", async () => {
    const tokens: Record<string, string> = {};
    const admins: Record<string, string> = {};
    for (const action of ["disable", "remove", "make-host"] as const) {
      const other = await createUser({
        db,
        actor: admin,
        input: { email: `inviter-${action}@example.org`, name: `Inviter ${action}`, password, role: "ADMIN" },
      });
      admins[action] = other.id;
      await inviteHost({ db, actor: { id: other.id, role: "ADMIN" }, input: { email: `invitee-${action}@example.org` } });
      await deliverAll({ db, transport });
      tokens[action] = invitationToken(`invitee-${action}@example.org`);
    }
    // An invitation from an admin who stays an admin is untouched.
    await inviteHost({ db, actor: admin, input: { email: "kept@example.org" } });
    await deliverAll({ db, transport });
    const kept = invitationToken("kept@example.org");
    for (const action of ["disable", "remove", "make-host"] as const) {
      await actOnAccount({ db, actor: admin, userId: admins[action], action });
      expect(await findInvitation({ db, token: tokens[action] }), action).toMatchObject({ state: "revoked" });
      expect((await rejection(acceptInvitation({ db, token: tokens[action], input: { name: "Invitee", password } }))).messageKey, action).toBe(
        "invitationRevoked",
      );
    }
    expect(await findInvitation({ db, token: kept })).toMatchObject({ state: "valid" });

    // The removed admin's own actions still say who did them.
    const log = await listAuditLog({ db, actor: admin, filters: {} });
    const byRemoved = log.rows.find((row) => row.action === "user.invite" && (row.details as { email?: string }).email === "invitee-remove@example.org");
    expect(byRemoved).toMatchObject({ actor: null, actorName: "Inviter remove" });
  });
});

describe("profile", () => {
  it("a host renames themselves and their replies show the new public name", async () => {
    const event = await createEvent(db);
    await createComment(db, event.id, { authorName: "Camille", authorUserId: host.id });
    await updateOwnProfile({ db, actor: host, input: { name: "Camille D.", email: "camille@agir.example.org", currentPassword: "", newPassword: "" } });
    const page = await getPublishedEvent({ db, slug: event.slug });
    expect(page!.comments.find((comment) => comment.byHost)?.authorName).toBe("Camille D.");
  });

  it("changing the e-mail or the password needs the current password; a taken e-mail is refused", async () => {
    const input = { name: "Camille D.", email: "camille@agir.example.org", currentPassword: "", newPassword: "" };
    expect(
      (await rejection(updateOwnProfile({ db, actor: host, input: { ...input, newPassword: "another long password" } }))).fieldErrors?.currentPassword,
    ).toEqual(["currentPasswordWrong"]);
    expect(
      (await rejection(updateOwnProfile({ db, actor: host, input: { ...input, email: "new@example.org", currentPassword: "wrong password!" } }))).fieldErrors
        ?.currentPassword,
    ).toEqual(["currentPasswordWrong"]);
    expect(
      (await rejection(updateOwnProfile({ db, actor: host, input: { ...input, email: "admin@agir.example.org", currentPassword: password } }))).fieldErrors
        ?.email,
    ).toEqual(["userExists"]);
    expect(await authenticate({ db, email: "camille@agir.example.org", password, ip: "192.0.2.12" })).toMatchObject({ id: host.id });

    // Signed in on a phone and a laptop: changing the password from the laptop ends the phone's session only.
    const phone = await createSession(db, host.id, new Date());
    const laptop = await createSession(db, host.id, new Date());
    await updateOwnProfile({
      db,
      actor: host,
      currentSessionId: laptop,
      input: { ...input, email: "camille.d@example.org", currentPassword: password, newPassword: "another long password" },
    });
    expect(await authenticate({ db, email: "camille.d@example.org", password: "another long password", ip: "192.0.2.12" })).toMatchObject({ id: host.id });
    expect(await actorForSession(db, phone, new Date())).toBeNull();
    expect(await actorForSession(db, laptop, new Date())).toMatchObject({ id: host.id });
    // A rename alone ends nothing.
    await updateOwnProfile({ db, actor: host, currentSessionId: laptop, input: { ...input, name: "Camille Dupont", email: "camille.d@example.org" } });
    expect(await actorForSession(db, laptop, new Date())).toMatchObject({ id: host.id });
  });

  it("a borrowed session cannot guess the current password: after 5 wrong tries even the right one waits", async () => {
    const user = await createUser({ db, actor: admin, input: { email: "guess@example.org", name: "Guess", password, role: "HOST" } });
    const actor = { id: user.id, role: user.role };
    const input = { name: "Guess", email: "guess@example.org", currentPassword: "wrong password!", newPassword: "a new long password" };
    for (let n = 0; n < 5; n++)
      expect((await rejection(updateOwnProfile({ db, actor, input }))).fieldErrors?.currentPassword).toEqual(["currentPasswordWrong"]);
    const refused = await rejection(updateOwnProfile({ db, actor, input: { ...input, currentPassword: password } }));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await authenticate({ db, email: "guess@example.org", password, ip: "192.0.2.13" })).toMatchObject({ id: user.id });
  });
});

describe("event editor", () => {
  const form = {
    slug: "",
    title: "Atelier : « Vie privée » & réseaux !",
    timeZone: "Europe/Paris",
    startsAt: "2026-12-10T18:00",
    endsAt: "2026-12-10T20:00",
    venueName: "Maison des associations",
    venueAddress: "",
    hostNames: "",
    summary: "Un atelier.",
    topic: "",
    language: "fr",
    status: "PUBLISHED",
  };

  it("proposes the address from the title, refuses one already taken (also when two hosts save at once)", async () => {
    const event = await saveEvent({ db, actor: host, input: form });
    expect(event.slug).toBe("atelier-vie-privee-reseaux");
    const error = await rejection(saveEvent({ db, actor: host, input: { ...form, slug: event.slug } }));
    expect(error.fieldErrors?.slug).toEqual(["slugTaken"]);
    const results = await Promise.allSettled([1, 2].map(() => saveEvent({ db, actor: host, input: { ...form, slug: "meme-adresse" } })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.fieldErrors?.slug).toEqual(["slugTaken"]);
    expect(await db.event.count({ where: { slug: "meme-adresse" } })).toBe(1);
  });

  it("stores a cover image resized to WebP; a bad one is refused and changes nothing; replacing it leaves no orphan", async () => {
    const event = await saveEvent({ db, actor: host, input: { ...form, slug: "avec-couverture" }, cover: blob(await png(3000, 2000)) });
    const { coverAssetId } = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    const cover = await db.asset.findUniqueOrThrow({ where: { id: coverAssetId! } });
    expect(cover).toMatchObject({ contentType: "image/webp", width: 1350, height: 900 });

    const error = await rejection(
      saveEvent({ db, actor: host, existingSlug: event.slug, input: { ...form, slug: event.slug, title: "Changed" }, cover: blob("GIF89a but not really") }),
    );
    expect(error.fieldErrors?.cover).toEqual(["imageUnreadable"]);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ title: form.title, coverAssetId });

    await saveEvent({ db, actor: host, existingSlug: event.slug, input: { ...form, slug: event.slug }, removeCover: true });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverAssetId).toBeNull();
    expect(await db.asset.findUnique({ where: { id: coverAssetId! } })).toBeNull();
  });

  it("hosts replacing a cover at the same moment, or deleting the event meanwhile, leave no image that nothing shows", async () => {
    const unused = () => db.asset.count({ where: { logoOf: { none: {} }, faviconOf: { none: {} }, coverOf: { none: {} } } });
    const before = await unused();
    const event = await saveEvent({ db, actor: host, input: { ...form, slug: "couverture-disputee" }, cover: blob(await png(800, 600)) });
    const covers = await Promise.all([1, 2, 3, 4].map((n) => png(800 + n, 600)));
    const saves = await Promise.allSettled(
      covers.map((cover) => saveEvent({ db, actor: host, existingSlug: event.slug, input: { ...form, slug: event.slug }, cover: blob(cover) })),
    );
    expect(saves.filter((save) => save.status === "fulfilled").length).toBeGreaterThan(0);
    expect(await unused()).toBe(before);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverAssetId).not.toBeNull();

    await Promise.allSettled([
      saveEvent({ db, actor: host, existingSlug: event.slug, input: { ...form, slug: event.slug }, cover: blob(await png(900, 600)) }),
      deleteEvent({ db, actor: host, slug: event.slug, confirmed: true }),
      saveEvent({ db, actor: host, existingSlug: event.slug, input: { ...form, slug: event.slug }, cover: blob(await png(901, 600)) }),
    ]);
    expect(await unused()).toBe(before);
  });

  it("deletes an event with its comments, requests, e-mails and cover only once confirmed; audited", async () => {
    const event = await saveEvent({ db, actor: host, input: { ...form, slug: "a-supprimer" }, cover: blob(await png(100, 100)) });
    const { coverAssetId } = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    await createComment(db, event.id);
    const request = await createRecapRequest(db, event.id, { status: "CONFIRMED" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await deliverAll({ db, transport });
    expect(await db.outboundEmail.count({ where: { recapRequestId: request.id } })).toBeGreaterThan(0);
    // Another event, with its own cover and its own recap e-mail: untouched by the deletion.
    const other = await saveEvent({ db, actor: host, input: { ...form, slug: "a-garder" }, cover: blob(await png(120, 100)) });
    const otherCover = (await db.event.findUniqueOrThrow({ where: { id: other.id } })).coverAssetId!;
    const otherRequest = await createRecapRequest(db, other.id, { status: "CONFIRMED" });
    await saveRecap({ db, actor: host, eventSlug: other.slug, input: { body: "Un autre compte rendu.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: other.slug });
    await deliverAll({ db, transport });
    const otherEmails = await db.outboundEmail.count({ where: { toAddress: otherRequest.email } });
    expect(otherEmails).toBeGreaterThan(0);

    expect((await rejection(deleteEvent({ db, actor: host, slug: event.slug, confirmed: false }))).fieldErrors?.confirm).toEqual(["deleteNotConfirmed"]);
    expect((await rejection(deleteEvent({ db, actor: host, slug: "nulle-part", confirmed: true }))).code).toBe("NOT_FOUND");
    expect(await db.event.count({ where: { id: event.id } })).toBe(1);

    // Someone who asked for the recap and has not confirmed yet: their confirmation e-mail is about this event only.
    const unconfirmed = await createRecapRequest(db, event.id, { status: "UNCONFIRMED", confirmedAt: null });
    await createOutboundEmail(db, { recapRequestId: unconfirmed.id, toAddress: unconfirmed.email });
    const otherUnconfirmed = await createRecapRequest(db, other.id, { status: "UNCONFIRMED", confirmedAt: null });
    await createOutboundEmail(db, { recapRequestId: otherUnconfirmed.id, toAddress: otherUnconfirmed.email });

    expect(await deleteEvent({ db, actor: host, slug: event.slug, confirmed: true })).toEqual({ title: form.title });
    expect(await db.outboundEmail.count({ where: { toAddress: unconfirmed.email } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { toAddress: otherUnconfirmed.email } })).toBe(1);
    expect(await db.event.count({ where: { id: event.id } })).toBe(0);
    expect(await db.comment.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.recapRequest.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { toAddress: request.email } })).toBe(0);
    expect(await db.asset.count({ where: { id: coverAssetId! } })).toBe(0);
    expect(await db.asset.count({ where: { id: otherCover } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { toAddress: otherRequest.email } })).toBe(otherEmails);
    expect(await db.recapRequest.count({ where: { id: otherRequest.id } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "event.delete", targetId: event.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ slug: "a-supprimer", comments: 1, requests: 2 });
    expect((await rejection(deleteEvent({ db, actor: null, slug: "anything", confirmed: true }))).code).toBe("UNAUTHORIZED");
  });
});

describe("the recap e-mail", () => {
  it("carries the organisation's name, logo and address, the Markdown rendered safely, every link clickable", async () => {
    const event = await createEvent(db, { title: "Webreakfast" });
    const request = await createRecapRequest(db, event.id, { status: "CONFIRMED", email: "martin@example.org" });
    const body = [
      "Trois idées à retenir :",
      "",
      "- le *clickactivism* divise",
      "- la collecte en ligne [progresse](https://example.org/collecte)",
      "",
      `Les diapositives : https://example.org/une-adresse-tres-longue/${"segment-".repeat(12)}`,
      "",
      '<script>alert("x")</script> <img src=x onerror=alert(1)> [piège](javascript:alert(1))',
    ].join("\n");
    await saveRecap({
      db,
      actor: host,
      eventSlug: event.slug,
      input: { body, links: [{ kind: "SLIDES", title: "Les diapos", url: "https://example.org/slides" }] },
    });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await deliverAll({ db, transport });
    const mail = smtp.received.find((received) => received.to.includes(request.email))!;
    expect(fromHeader(mail.headers)).toBe("Agir Pour l’Environnement <debrief@example.org>");
    expect(mail.headers).toMatch(/^Reply-To: contact@agir\.example\.org$/m);
    const html = mail.text.slice(mail.text.indexOf("<html"));
    expect(html).toMatch(/<ul[^>]*>\s*<li[^>]*>le <em>clickactivism<\/em> divise<\/li>/);
    expect(html).toMatch(/<a href="https:\/\/example\.org\/collecte"[^>]*>progresse<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/example\.org\/une-adresse-tres-longue\/(segment-){12}"[^>]*style="[^"]*word-break:break-word/);
    expect(html).toMatch(/<img [^>]*src="https:\/\/evenements\.agir\.example\.org\/assets\/\w+"[^>]*alt="Agir Pour l’Environnement"/);
    expect(html).toContain(`https://evenements.agir.example.org/events/${event.slug}`);
    expect(html).not.toMatch(/<script|<img[^>]*src="?x[\s">]|<[^>]*\sonerror=|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
    // The plain-text part reads well: bullets and "text (address)".
    const plain = mail.text.slice(0, mail.text.indexOf("<html"));
    expect(plain).toContain("- la collecte en ligne progresse (https://example.org/collecte)");
    expect(plain).toContain("Agir Pour l’Environnement");
  });
});

describe("empty optional settings", () => {
  it("an empty public address falls back to SITE_URL; an empty contact sends no Reply-To", async () => {
    await updateSiteSettings({ db, actor: admin, input: { ...settingsForm, publicUrl: "", contactEmail: "  " } });
    const siteUrl = env.SITE_URL.replace(/\/+$/, "");
    expect(await getSiteSettings(db)).toMatchObject({ publicUrl: siteUrl, contactEmail: "" });
    // An e-mail sent now: no Reply-To at all, and its link on SITE_URL.
    await inviteHost({ db, actor: admin, input: { email: "no-contact@example.org" } });
    await deliverAll({ db, transport });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["no-contact@example.org"]);
    expect(mail.headers).not.toMatch(/^Reply-To:/im);
    expect(mail.text).toContain(`${siteUrl}/invitations/accept?token=`);
  });
});

describe("the site's language", () => {
  it("is the language of whoever states none: a recap request and its e-mail, a new account, an invited host", async () => {
    await updateSiteSettings({ db, actor: admin, input: { ...settingsForm, defaultLocale: "en" } });
    const event = await createEvent(db);
    await requestRecap({ db, eventSlug: event.slug, input: { email: "silent@example.org" }, client: { ip: "192.0.2.40" } });
    expect(await db.recapRequest.findFirstOrThrow({ where: { email: "silent@example.org" } })).toMatchObject({ locale: "en" });
    await deliverAll({ db, transport });
    expect(smtp.received.find((mail) => mail.to.includes("silent@example.org"))?.subject).toMatch(/^Confirm/);
    // Whoever states a language keeps it.
    await requestRecap({ db, eventSlug: event.slug, input: { email: "francophone@example.org" }, client: { ip: "192.0.2.41" }, fallbackLocale: "fr" });
    expect(await db.recapRequest.findFirstOrThrow({ where: { email: "francophone@example.org" } })).toMatchObject({ locale: "fr" });

    const created = await createUser({ db, actor: admin, input: { email: "english-host@example.org", name: "Kim", password, role: "HOST" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ locale: "en" });
    await inviteHost({ db, actor: admin, input: { email: "invited-en@example.org" } });
    await deliverAll({ db, transport });
    const accepted = await acceptInvitation({ db, token: invitationToken("invited-en@example.org"), input: { name: "Invited", password } });
    expect(await db.user.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({ locale: "en" });
    await updateSiteSettings({ db, actor: admin, input: { ...settingsForm, defaultLocale: "fr" } });
    await requestRecap({ db, eventSlug: event.slug, input: { email: "silencieux@example.org" }, client: { ip: "192.0.2.42" } });
    expect(await db.recapRequest.findFirstOrThrow({ where: { email: "silencieux@example.org" } })).toMatchObject({ locale: "fr" });
  });
});
