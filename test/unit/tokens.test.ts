// Part 6, item 6: one signing helper for every token — purpose, subject, expiry, strict parsing.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { formTokenAgeSeconds, formTokenCookie, issueFormToken } from "@/lib/comments/form-token";
import { recapRequestIdFromManageToken, manageToken } from "@/lib/recaps/recap-request-links";
import { signToken, verifyToken } from "@/lib/security/tokens";

const secret = "unit-test-secret-value-0123456789";
const now = new Date("2026-11-30T10:00:00Z");

describe("signed tokens", () => {
  it("carry their subject and version, for their purpose only, until they expire", () => {
    const token = signToken(secret, { purpose: "recap-confirm", subject: "req123", version: "42", expiresAt: new Date(now.getTime() + 60_000) });
    expect(verifyToken(secret, "recap-confirm", token, now)).toEqual({ subject: "req123", version: "42" });
    expect(verifyToken(secret, "recap-manage", token, now)).toBeNull();
    expect(verifyToken(secret, "recap-confirm", token, new Date(now.getTime() + 61_000))).toBeNull();
    expect(verifyToken("another-secret-value-0123456789", "recap-confirm", token, now)).toBeNull();
  });

  it("refuses anything but the exact token: appended or prepended text, other parts, odd characters", () => {
    const token = signToken(secret, { purpose: "recap-manage", subject: "req123" });
    for (const altered of [
      `${token}x`,
      `${token}.x`,
      `x${token}`,
      `${token} `,
      ` ${token}`,
      token.replace(".", ".."),
      `${token}%00`,
      token.toUpperCase(),
      "",
      undefined,
      null,
      42,
    ]) {
      expect(verifyToken(secret, "recap-manage", altered, now), String(altered)).toBeNull();
    }
  });

  it("cannot be re-signed for another subject by editing its body", () => {
    const token = signToken(secret, { purpose: "recap-manage", subject: "victim" });
    const [, signature] = token.split(".");
    const forgedBody = Buffer.from("recap-manage|attacker|0|").toString("base64url");
    expect(verifyToken(secret, "recap-manage", `${forgedBody}.${signature}`, now)).toBeNull();
  });
});

describe("manage links", () => {
  it("accept the signed token, and the older <id>.<signature> links exactly as sent, nothing appended", () => {
    const id = "ckabcdefghijklmnopqrstuvw";
    expect(recapRequestIdFromManageToken(manageToken(id), now)).toBe(id);
    expect(recapRequestIdFromManageToken(`${manageToken(id)}junk`, now)).toBeNull();

    // The format e-mailed before signed tokens: <id>.<base64url HMAC-SHA256 of "recap-request-manage:<id>">.
    const legacy = `${id}.${createHmac("sha256", env.APP_SECRET).update(`recap-request-manage:${id}`).digest("base64url")}`;
    expect(recapRequestIdFromManageToken(legacy, now)).toBe(id);
    for (const altered of [
      `${legacy}x`,
      ` ${legacy}`,
      legacy.replace(id, "ckzzzzzzzzzzzzzzzzzzzzzzz"),
      `${legacy.slice(0, -1)}${legacy.endsWith("A") ? "B" : "A"}`,
    ]) {
      expect(recapRequestIdFromManageToken(altered, now), altered).toBeNull();
    }
  });
});

describe("the comment form token", () => {
  it("tells how long ago the page was served, for that event only, for a day", () => {
    const token = issueFormToken("atelier", now);
    expect(formTokenAgeSeconds(token, "atelier", new Date(now.getTime() + 7000))).toBe(7);
    expect(formTokenAgeSeconds(token, "autre-rencontre", new Date(now.getTime() + 7000))).toBeNull();
    expect(formTokenAgeSeconds(token, "atelier", new Date(now.getTime() + 86_401_000))).toBeNull();
    expect(formTokenAgeSeconds(undefined, "atelier", now)).toBeNull();
    expect(formTokenAgeSeconds(`${token}x`, "atelier", now)).toBeNull();
  });

  it("gives each view a cookie for its own event, secure over https, dated when the page was served", () => {
    const tokenOf = (cookie: string) => /^debrief_form=([^;]+);/.exec(cookie)?.[1];
    const later = new Date(now.getTime() + 60_000);
    // Pages of two events and both schemes in the same millisecond, then again a second later.
    for (const [issuedAt, ageThen] of [
      [now.getTime(), 60],
      [now.getTime() + 1000, 59],
    ]) {
      for (const slug of ["atelier", "autre-rencontre", "atelier"]) {
        for (const secure of [true, false, true]) {
          const cookie = formTokenCookie(slug, issuedAt, secure);
          expect(cookie.includes("; Secure"), cookie).toBe(secure);
          expect(cookie).toContain(`Path=/events/${slug};`);
          expect(formTokenAgeSeconds(tokenOf(cookie), slug, later)).toBe(ageThen);
          expect(formTokenAgeSeconds(tokenOf(cookie), slug === "atelier" ? "autre-rencontre" : "atelier", later)).toBeNull();
        }
      }
    }
  });
});
