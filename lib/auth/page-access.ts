import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { currentActor } from "./current-actor";
import { can, type Actor, type Permission } from "./permissions";

/** A dashboard path to come back to after signing in; anything else means the overview. */
export function returnPath(path: string | null): string {
  if (!path || !/^\/dashboard(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/.test(path)) return "/dashboard";
  const url = new URL(path, "http://internal");
  url.searchParams.delete("_rsc"); // Next.js's client-navigation marker
  return url.pathname + url.search;
}

/** What a page guard reads of the request it serves: who is signed in, and the path asked for (set by server.ts). */
export type PageRequest = { actor(): Promise<Actor | null>; path(): Promise<string | null> };

/** The request Next.js is serving. */
const servedRequest: PageRequest = {
  actor: currentActor,
  path: async () => (await headers()).get("x-debrief-path"),
};

async function toSignIn(request: PageRequest): Promise<never> {
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath(await request.path()))}`);
}

/**
 * The signed-in person a dashboard page is for. Next.js renders a page alongside its layout, so each page
 * sends an anonymous visitor to sign in itself rather than failing while the layout redirects.
 */
export async function pageActor(permission?: Permission, request: PageRequest = servedRequest): Promise<Actor> {
  const actor = await request.actor();
  if (!actor) return toSignIn(request);
  if (permission && !can(actor, permission)) notFound();
  return actor;
}

/**
 * A use case's refusal as a page shows it: what does not exist or is not the visitor's to see is the
 * not-found page (as the use case's NOT_FOUND intends), a session that ended is the sign-in page. Anything
 * else is a real failure and stays one.
 */
export async function forPage<T>(work: Promise<T>, request: PageRequest = servedRequest): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (isAppError(error) && error.code === "UNAUTHORIZED") return toSignIn(request);
    throw error;
  }
}
