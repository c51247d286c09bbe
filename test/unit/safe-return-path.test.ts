// Part 6, item 1: return addresses stay on this site, however they are written.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-return-path";

describe("a return address from a visitor", () => {
  it.each([
    "/%5Cevil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example/dashboard",
    "javascript:alert(1)",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%",
    "dashboard",
    "",
  ])("%j falls back", (value) => {
    expect(safeReturnPath(value, "/dashboard")).toBe("/dashboard");
  });

  it.each([
    ["/dashboard/moderation", "/dashboard/moderation"],
    ["/events/atelier?comments=2#comments", "/events/atelier?comments=2#comments"],
    ["/dashboard/../events", "/events"],
  ])("%j stays as the path %j", (value, path) => {
    expect(safeReturnPath(value, "/")).toBe(path);
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(undefined, "/")).toBe("/");
    expect(safeReturnPath(["/x"], "/")).toBe("/");
  });
});
