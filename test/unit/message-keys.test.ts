import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

/**
 * Every message the code asks for exists: a missing key shows the reader a raw "dashboard.saveChanges"
 * instead of words. Translators are found by their namespace (`useTranslations("x")`, `getTranslations("x")`,
 * `translatorFor(locale, "x")`) and their calls by the variable they were stored in; a key built at run time
 * (`t(\`status${s}\`)`) must at least match the start of one message.
 */
const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), en);
}

function keysUnder(prefix: string): string[] {
  const node = lookup(prefix);
  if (typeof node === "string") return [prefix];
  if (!node || typeof node !== "object") return [];
  return Object.keys(node).flatMap((key) => keysUnder(`${prefix}.${key}`));
}

const TRANSLATOR = /^(?:await\s+)?(?:getTranslations|useTranslations|translatorFor)\(\s*(?:[^,()"]+,\s*)?"([\w.]+)"\s*\)$/;

/** Splits "a, f(b, c), { d, e }" at its top-level commas. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if ("([{<".includes(char)) depth++;
    if (")]}>".includes(char)) depth--;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** [variable, namespace] for `const t = await getTranslations("x")` and `const [t, u] = await Promise.all([getTranslations("x"), …])`. */
function translators(source: string): [string, string][] {
  const found: [string, string][] = [];
  for (const [, variable, value] of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*([^;\n]+)/g)) {
    const namespace = TRANSLATOR.exec(value.trim())?.[1];
    if (namespace) found.push([variable, namespace]);
  }
  for (const [, names, values] of source.matchAll(/(?:const|let)\s+\[([^\]]*(?:\{[^}]*\}[^\]]*)*)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\);/g)) {
    const variables = splitTopLevel(names);
    splitTopLevel(values).forEach((value, index) => {
      const namespace = TRANSLATOR.exec(value)?.[1];
      if (namespace && /^\w+$/.test(variables[index] ?? "")) found.push([variables[index], namespace]);
    });
  }
  return found;
}

function usedKeys(): { file: string; key: string; dynamic: boolean }[] {
  const found: { file: string; key: string; dynamic: boolean }[] = [];
  for (const file of ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const source = readFileSync(file, "utf8");
    for (const [variable, namespace] of translators(source)) {
      const call = new RegExp(`\\b${variable}\\(\\s*(?:"([\\w.]+)"|\`([\\w.]*)\\$\\{)`, "g");
      for (const [, literal, templateStart] of source.matchAll(call)) {
        if (literal !== undefined) found.push({ file: path.relative(root, file), key: `${namespace}.${literal}`, dynamic: false });
        else found.push({ file: path.relative(root, file), key: `${namespace}.${templateStart}`, dynamic: true });
      }
    }
  }
  return found;
}

describe("messages the code uses", () => {
  const used = usedKeys();

  it("finds the translators (the scan itself works)", () => {
    expect(used.length).toBeGreaterThan(200);
  });

  it("exist in the messages", () => {
    const missing = used.filter(({ key, dynamic }) => {
      if (!dynamic) return typeof lookup(key) !== "string";
      const dot = key.lastIndexOf(".");
      const parent = key.slice(0, dot);
      const start = key.slice(dot + 1);
      return !keysUnder(parent).some((candidate) => candidate.slice(parent.length + 1).startsWith(start) && candidate.slice(parent.length + 1) !== start);
    });
    expect(missing.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });
});

describe("error codes the code raises", () => {
  it("each have a message", () => {
    const codes = new Set<string>();
    for (const file of ["app", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      const source = readFileSync(file, "utf8");
      for (const [, code] of source.matchAll(/AppError\(\s*"[A-Z_]+",\s*"(\w+)"/g)) codes.add(code);
      for (const [, code] of source.matchAll(/\brefuse\("(\w+)"/g)) codes.add(code);
      for (const [, code] of source.matchAll(/\{\s*error:\s*"(\w+)"\s*\}/g)) codes.add(code);
      for (const [, code] of source.matchAll(/fieldErrors:\s*\{\s*\w+:\s*\["(\w+)"\]/g)) codes.add(code);
    }
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => typeof lookup(`errors.${code}`) !== "string")).toEqual([]);
  });
});
