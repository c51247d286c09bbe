import { describe, expect, it } from "vitest";
import { classifyDeliveryError } from "@/lib/notifications/mailer";
import { OUTBOX_POLICY, retryDelaySeconds } from "@/lib/notifications/outbox-worker";

describe("what a failed send means", () => {
  it.each([
    [{ responseCode: 550, message: "No such user" }, "permanent"],
    [{ responseCode: 554, command: "DATA" }, "permanent"],
    [{ responseCode: 421, message: "Too busy" }, "retry"],
    [{ responseCode: 451, command: "RCPT TO" }, "retry"],
    // An answer settles it even after the data went out: the server said it did not take the message.
    [{ responseCode: 451, command: "DATA", dataSent: true }, "retry"],
    [{ responseCode: 554, command: "DATA", dataSent: true }, "permanent"],
    // No answer, and the whole message had not gone out: it cannot have been delivered.
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "retry"],
    [{ code: "ETIMEDOUT", command: "CONN" }, "retry"],
    [{ code: "ECONNECTION", command: "CONN", dataSent: false }, "retry"],
    // Our own deadline while waiting in the pool for a connection that never came.
    [{ code: "ESENDTIMEOUT", message: "no answer", dataSent: false }, "retry"],
    // The data went out and the answer never came: it may have been delivered.
    [{ code: "ECONNECTION", command: "CONN", dataSent: true }, "ambiguous"],
    [{ code: "ESENDTIMEOUT", message: "no answer", dataSent: true }, "ambiguous"],
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
