import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, type ClientScope } from "@/lib/i18n/client-messages";
import { messagesByLocale } from "@/lib/i18n/messages";

/**
 * The browser gets only the message namespaces of its scope (lib/i18n/client-messages.ts). From every page and
 * layout this follows the imports down to the client components they render, and checks that each namespace a
 * client component translates with (`useTranslations("x")`) is sent by the scope it renders under: the nearest
 * `<ClientTranslations scope="…">` in the file or in a file importing it, else in the nearest layout above. A new
 * client string in a namespace the scope forgot fails here rather than showing a raw key to readers.
 */
const root = path.resolve(__dirname, "../..");
const ROUTE_FILE = /^(page|layout|template|default|loading|error|global-error|not-found|forbidden|unauthorized)\.tsx$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

const directive = (file: string, name: string) => new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*["']${name}["']`).test(source(file));
const declaredScope = (file: string) => /<ClientTranslations\s+scope="(\w+)"/.exec(source(file))?.[1] as ClientScope | undefined;
const relative = (file: string) => path.relative(root, file);

/** The project files a module imports at run time (type-only imports are erased). */
function imports(file: string): string[] {
  const text = source(file);
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm)].map((match) => match[1]),
    ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]),
  ];
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? path.join(root, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : null;
    if (!base || base.includes(`${path.sep}generated${path.sep}`)) return [];
    const found = [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find(
      (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile(),
    );
    return found ? [found] : [];
  });
}

/** What a client module needs from the provider: the namespaces it translates with, and whether it uses next-intl at all. */
function clientNeeds(file: string): { namespaces: string[]; usesIntl: boolean } {
  const text = source(file);
  const namespaces = [...text.matchAll(/\buseTranslations\(\s*(?:"([\w.]+)")?\s*\)/g)].map((match) =>
    match[1] ? match[1].split(".")[0] : "(every namespace)",
  );
  if (/\buseMessages\(/.test(text)) namespaces.push("(every namespace)");
  return { namespaces, usesIntl: /from\s+["']next-intl["']/.test(text) };
}

/** The scope a route file renders under when it declares none: the nearest layout above it that does. */
function inheritedScope(routeFile: string): ClientScope | undefined {
  let dir = path.dirname(routeFile);
  const isLayout = path.basename(routeFile) === "layout.tsx";
  for (;;) {
    const layout = path.join(dir, "layout.tsx");
    if (existsSync(layout) && !(isLayout && layout === routeFile)) {
      const scope = declaredScope(layout);
      if (scope) return scope;
    }
    if (dir === path.join(root, "app")) return undefined;
    dir = path.dirname(dir);
  }
}

type Use = { component: string; namespace: string | null; route: string; scope: ClientScope | undefined };

/** Packages a module imports at run time. */
const packages = (file: string) =>
  [...source(file).matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^;"']*?\sfrom\s+)?["']([^"'.@][^"']*|@(?!\/)[^"']+)["']/gm)].map((match) => match[1]);

/** Client modules reached from a route file, with the packages they import. */
const clientModules = new Map<string, string[]>();

/** Every client module reached from every route file, with the scope it renders under. */
function clientUses(): Use[] {
  const uses: Use[] = [];
  const routes = files(path.join(root, "app")).filter((file) => ROUTE_FILE.test(path.basename(file)));
  for (const route of routes) {
    const seen = new Set<string>();
    const visit = (file: string, scope: ClientScope | undefined, client: boolean) => {
      // Server actions imported by a client module are references to the server, not code sent to the browser.
      if (client && directive(file, "use server")) return;
      const isClient = client || directive(file, "use client");
      const here = isClient ? scope : (declaredScope(file) ?? scope);
      const key = `${file}|${here}|${isClient}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (isClient) {
        clientModules.set(relative(file), packages(file));
        const { namespaces, usesIntl } = clientNeeds(file);
        for (const namespace of namespaces) uses.push({ component: relative(file), namespace, route: relative(route), scope: here });
        if (usesIntl && !namespaces.length) uses.push({ component: relative(file), namespace: null, route: relative(route), scope: here });
      }
      for (const imported of imports(file)) visit(imported, here, isClient);
    };
    visit(route, declaredScope(route) ?? inheritedScope(route), false);
  }
  return uses;
}

describe("messages sent to the browser", () => {
  const uses = clientUses();

  it("reaches every client component that translates", () => {
    const translating = ["app", "components", "lib"]
      .flatMap((dir) => files(path.join(root, dir)))
      .filter(
        (file) =>
          /\.tsx?$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`) && directive(file, "use client") && clientNeeds(file).namespaces.length,
      )
      .map(relative);
    expect(translating.length).toBeGreaterThan(10);
    const reached = new Set(uses.map((use) => use.component));
    expect(translating.filter((file) => !reached.has(file))).toEqual([]);
  });

  it("sends every namespace a client component uses, under the scope it renders in", () => {
    const missing = uses
      .filter((use) => !use.scope || (use.namespace !== null && !(CLIENT_NAMESPACES[use.scope] as readonly string[]).includes(use.namespace)))
      .map((use) =>
        use.scope
          ? `${use.component} uses "${use.namespace}" under ${use.route}, whose scope "${use.scope}" does not send it (lib/i18n/client-messages.ts)`
          : `${use.component} uses next-intl under ${use.route}, which no <ClientTranslations scope="…"> wraps`,
      );
    expect([...new Set(missing)]).toEqual([]);
  });

  it("sends no namespace that no client component of the scope uses", () => {
    for (const scope of Object.keys(CLIENT_NAMESPACES) as ClientScope[]) {
      const used = new Set(uses.filter((use) => use.scope === scope && use.namespace).map((use) => use.namespace));
      expect(
        [...CLIENT_NAMESPACES[scope]].filter((namespace) => !used.has(namespace)),
        `scope "${scope}"`,
      ).toEqual([]);
    }
  });

  it("keeps the public pages' scopes clear of the dashboard's strings", () => {
    for (const scope of ["event", "signIn", "setup", "invitation"] as const) {
      expect(CLIENT_NAMESPACES[scope]).not.toContain("dashboard");
    }
  });

  it("keeps server-side libraries out of the browser's bundles", () => {
    // Schemas, Markdown, dates and the database stay on the server: a client component importing a constant from a
    // schema file ships zod (and whatever that file imports) to every page it is on.
    const heavy =
      /^(zod|markdown-it|temporal-polyfill|server-only|@prisma\/|pg$|nodemailer|sharp|turndown|fast-xml-parser|feed$|ical-generator|rate-limiter-flexible)/;
    expect(clientModules.size).toBeGreaterThan(10);
    const offending = [...clientModules].flatMap(([file, imported]) => imported.filter((name) => heavy.test(name)).map((name) => `${file} imports ${name}`));
    expect(offending).toEqual([]);
  });

  it("picks only the scope's namespaces from the catalogue", () => {
    const picked = clientMessages(messagesByLocale.fr, "event");
    expect(Object.keys(picked).sort()).toEqual(["comments", "errors", "recaps"]);
    expect(picked.comments).toBe(messagesByLocale.fr.comments);
  });
});
