import { describe, expect, it } from "vitest";
import { classifyDeliveryError } from "@/lib/notifications/mailer";
import { OUTBOX_POLICY, retryDelaySeconds } from "@/lib/notifications/outbox-worker";

describe("what a failed send means", () => {
  it.each([
    [{ responseCode: 550, message: "No such user" }, "permanent"],
    [{ responseCode: 554, command: "DATA" }, "permanent"],
    [{ responseCode: 421, message: "Too busy" }, "retry"],
    [{ responseCode: 451, command: "RCPT TO" }, "retry"],
    // Refused before the message went out: safe to try again.
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "retry"],
    [{ code: "ETIMEDOUT", command: "CONN" }, "retry"],
    // The data went out and the answer never came: it may have been delivered.
    [{ code: "ETIMEDOUT", command: "DATA" }, "ambiguous"],
    [{ code: "ECONNECTION", command: "." }, "ambiguous"],
    [{ code: "ESENDTIMEOUT", message: "no answer" }, "ambiguous"],
  ])("%o is %s", (error, kind) => {
    expect(classifyDeliveryError(error).kind).toBe(kind);
  });
});

describe("retry delays", () => {
  it("double with each attempt, with ±20 % jitter, up to an hour", () => {
    expect(retryDelaySeconds(1, () => 0.5)).toBe(30);
    expect(retryDelaySeconds(2, () => 0.5)).toBe(60);
    expect(retryDelaySeconds(3, () => 0)).toBe(96);
    expect(retryDelaySeconds(3, () => 1)).toBe(144);
    expect(retryDelaySeconds(20, () => 0.5)).toBe(OUTBOX_POLICY.maxBackoffSeconds);
  });
});
