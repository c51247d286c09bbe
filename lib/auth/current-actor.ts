import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import type { Actor } from "./permissions";
import { authOptions } from "./auth-options";
import { actorForSession } from "./sessions";

/** The signed-in host or admin for this request, or null — checked against the session's row every time. */
export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { sessionId?: string } | null;
  return actorForSession(db, session?.sessionId, new Date());
}

/** The id of this request's session row, when signed in (to end the others and keep this one). */
export async function currentSessionId(): Promise<string | undefined> {
  const session = (await getServerSession(authOptions)) as { sessionId?: string } | null;
  return session?.sessionId;
}
