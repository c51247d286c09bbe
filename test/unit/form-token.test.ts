import { describe, expect, it } from "vitest";
import { formTokenAgeSeconds, issueFormToken } from "@/lib/comments/form-token";

const secret = "unit-test-secret-value";

describe("comment form token", () => {
  it("tells how long ago the form was served", () => {
    const token = issueFormToken(secret, new Date("2026-01-01T10:00:00Z"));
    expect(formTokenAgeSeconds(secret, token, new Date("2026-01-01T10:00:07Z"))).toBe(7);
  });

  it("refuses missing, malformed and forged tokens", () => {
    const now = new Date();
    const token = issueFormToken(secret, new Date(now.getTime() - 60_000));
    expect(formTokenAgeSeconds(secret, undefined, now)).toBeNull();
    expect(formTokenAgeSeconds(secret, "garbage", now)).toBeNull();
    expect(formTokenAgeSeconds("another-secret-value", token, now)).toBeNull();
    const [, signature] = token.split(".");
    expect(formTokenAgeSeconds(secret, `${now.getTime() - 3_600_000}.${signature}`, now)).toBeNull();
  });
});
