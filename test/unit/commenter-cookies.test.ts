import { describe, expect, it } from "vitest";
import { commenterCookie, commenterKeyFromCookieHeader, commenterKeyHash, newCommenterKey, parseCommenterKey, trustId } from "@/lib/comments/commenter-key";
import { parseOwnCommentIds, rememberOwnComment } from "@/lib/comments/own-comments";

// Comment ids are cuids: 25 lower-case letters and digits.
const id = (n: number) => `c${String(n).padStart(24, "0")}`;

describe("the cookie that lets a commenter see their own held comments", () => {
  it("keeps the ids of comments this browser posted, and nothing else a tampered cookie holds", () => {
    expect(parseOwnCommentIds(undefined)).toEqual([]);
    expect(parseOwnCommentIds("")).toEqual([]);
    expect(parseOwnCommentIds(`${id(1)}.${id(2)}`)).toEqual([id(1), id(2)]);
    // Anything that is not a whole cuid is dropped: markup, SQL, a too short or too long id, upper case, a prefix or
    // suffix around a real id.
    const tampered = ["<script>", "x' OR 1=1", "a".repeat(19), "a".repeat(41), id(3).toUpperCase(), `-${id(4)}`, `${id(5)}-`, id(6)].join(".");
    expect(parseOwnCommentIds(tampered)).toEqual([id(6)]);
    expect(parseOwnCommentIds(`${"a".repeat(20)}.${"b".repeat(40)}`)).toEqual(["a".repeat(20), "b".repeat(40)]);
  });

  it("remembers the twenty most recent comments, so the cookie stays small however much someone posts", () => {
    const thirty = Array.from({ length: 30 }, (_, n) => id(n)).join(".");
    expect(parseOwnCommentIds(thirty)).toEqual(Array.from({ length: 20 }, (_, n) => id(n + 10)));

    let cookie: string | undefined;
    for (let n = 0; n < 25; n++) cookie = rememberOwnComment(cookie, id(n));
    expect(cookie?.split(".")).toEqual(Array.from({ length: 20 }, (_, n) => id(n + 5)));
  });

  it("adds a new comment last and does not list one twice when it is remembered again", () => {
    expect(rememberOwnComment(undefined, id(1))).toBe(id(1));
    expect(rememberOwnComment(`${id(1)}.${id(2)}`, id(3))).toBe(`${id(1)}.${id(2)}.${id(3)}`);
    expect(rememberOwnComment(`${id(1)}.${id(2)}.${id(3)}`, id(1))).toBe(`${id(2)}.${id(3)}.${id(1)}`);
    // A cookie already full of twenty others: the oldest goes, the new one stays.
    const full = Array.from({ length: 20 }, (_, n) => id(n)).join(".");
    const next = rememberOwnComment(full, id(99)).split(".");
    expect(next).toHaveLength(20);
    expect(next[0]).toBe(id(1));
    expect(next.at(-1)).toBe(id(99));
  });
});

describe("the commenter key: the browser a host trusted for an address", () => {
  it("accepts only keys of the shape Debrief gives out, so a forged cookie is treated as no key at all", () => {
    const key = newCommenterKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newCommenterKey()).not.toBe(key);
    expect(parseCommenterKey(key)).toBe(key);
    expect(parseCommenterKey(undefined)).toBeUndefined();
    expect(parseCommenterKey(null)).toBeUndefined();
    expect(parseCommenterKey("")).toBeUndefined();
    expect(parseCommenterKey(key.slice(1))).toBeUndefined();
    expect(parseCommenterKey(`${key}A`)).toBeUndefined();
    expect(parseCommenterKey(`${key.slice(1)}=`)).toBeUndefined();
    expect(parseCommenterKey(` ${key.slice(1)}`)).toBeUndefined();
    expect(parseCommenterKey(`${key}\n${key}`)).toBeUndefined();
  });

  it("keeps the key in the browser for a year, out of scripts' reach, and finds it again among the other cookies", () => {
    const key = newCommenterKey();
    expect(commenterCookie(key, false)).toBe(`debrief_commenter=${key}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`);
    expect(commenterCookie(key, true)).toBe(`debrief_commenter=${key}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure`);
    expect(commenterKeyFromCookieHeader(`debrief_commenter=${key}`)).toBe(key);
    expect(commenterKeyFromCookieHeader(`a=1; debrief_commenter=${key}; b=2`)).toBe(key);
    expect(commenterKeyFromCookieHeader(`a=1;debrief_commenter=${key}`)).toBe(key);
    // Another cookie whose name ends the same is not ours; a forged value is no key; no header, no key.
    expect(commenterKeyFromCookieHeader(`not_debrief_commenter=${key}`)).toBeUndefined();
    expect(commenterKeyFromCookieHeader("debrief_commenter=forged")).toBeUndefined();
    expect(commenterKeyFromCookieHeader(null)).toBeUndefined();
    expect(commenterKeyFromCookieHeader(undefined)).toBeUndefined();
  });

  it("stores only a hash of the key, and trust is per browser and per address whatever the address's case", () => {
    const key = newCommenterKey();
    const hash = commenterKeyHash(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(commenterKeyHash(key)).toBe(hash);
    expect(commenterKeyHash(newCommenterKey())).not.toBe(hash);

    expect(trustId(hash, "Martin@Example.org")).toBe(trustId(hash, "martin@example.org"));
    expect(trustId(hash, "martin@example.org")).not.toBe(trustId(hash, "claire@example.org"));
    expect(trustId(commenterKeyHash(newCommenterKey()), "martin@example.org")).not.toBe(trustId(hash, "martin@example.org"));
    // The two hashes are kept apart: a key's hash is never a trust id, whatever address is used.
    expect(trustId(hash, "")).not.toBe(hash);
  });

  it("gives the same hashes after an upgrade, so the browsers hosts trusted stay trusted", () => {
    // Stored values: changing how they are derived would silently drop every trust hosts have given.
    const hash = commenterKeyHash("A".repeat(32));
    expect(hash).toBe("298ba541d396ceef2b2ce0992b9c36cb6e95e7cf77d123933eb365f9b77d159a");
    expect(trustId(hash, "Martin@Example.org")).toBe("d7a73f2704cbdba4d29494c66dd60aad75dc7b8df24a1a4a5b48f2d53f2cdadb");
  });
});
