// Setup without a terminal: while no account exists, a one-time link creates the first admin and names the
// organisation; a replayed, raced, guessed or stale link is refused and changes nothing.
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { completeSetup } from "@/lib/setup/complete-setup";
import { setupIsOpen } from "@/lib/setup/setup-is-open";
import { issueSetupToken } from "@/lib/setup/setup-token";
import { createUser } from "@/lib/users/create-user";
import { rejection } from "../rejection";

const db = createDatabase();
const form = { organisationName: "Agir Pour l’Environnement", name: "Martin", email: "Martin@Example.org", password: "a long enough password" };

describe("first admin", () => {
  it("refuses bad input with field errors and keeps the link usable", async () => {
    const token = (await issueSetupToken(db))!;
    const error = await rejection(completeSetup({ db, token, input: { ...form, organisationName: " ", password: "short" } }));
    expect(error.fieldErrors).toMatchObject({ organisationName: ["organisationNameRequired"], password: ["passwordTooShort"] });
    expect(await db.user.count()).toBe(0);
    expect(await setupIsOpen({ db, token })).toBe(true);
  });

  it("refuses a guessed token and an older link once a new one was printed", async () => {
    const older = (await issueSetupToken(db))!;
    const current = (await issueSetupToken(db))!;
    expect(older).not.toBe(current);
    for (const token of [older, "guess", "", `${current}x`, null]) {
      expect((await rejection(completeSetup({ db, token, input: form }))).messageKey).toBe("setupClosed");
      expect(await setupIsOpen({ db, token })).toBe(false);
    }
    expect(await db.user.count()).toBe(0);
  });

  it("creates the admin and names the organisation once; two tabs at once make one account; then refuses forever", async () => {
    const token = (await issueSetupToken(db))!;
    const results = await Promise.allSettled([
      completeSetup({ db, token, input: form }),
      completeSetup({ db, token, input: { ...form, email: "other@example.org", organisationName: "Autre" } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count()).toBe(1);
    const admin = await db.user.findFirstOrThrow();
    expect(admin.role).toBe("ADMIN");
    expect(["Agir Pour l’Environnement", "Autre"]).toContain((await getSiteSettings(db)).organisationName);
    expect(await authenticate({ db, email: admin.email, password: form.password, ip: "192.0.2.1" })).toMatchObject({ id: admin.id });
    expect(await db.auditLog.count({ where: { action: "user.create", actorId: admin.id } })).toBe(1);

    // Replayed: refused, nothing changes.
    expect((await rejection(completeSetup({ db, token, input: { ...form, email: "third@example.org" } }))).messageKey).toBe("setupClosed");
    // No new link is printed once an account exists, and none works.
    expect(await issueSetupToken(db)).toBeNull();
    expect(await setupIsOpen({ db, token })).toBe(false);
    expect(await db.user.count()).toBe(1);
  });

  it("the command line still creates accounts", async () => {
    await createUser({ db, actor: "system", input: { email: "cli@example.org", name: "CLI", password: "a long enough password", role: "ADMIN" } });
    expect(await db.user.count()).toBe(2);
  });
});
