import { getServerSession } from "next-auth";
import type { Actor } from "./permissions";
import { authOptions } from "./auth-options";

/** The signed-in host or admin for this request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; role?: Actor["role"] } | undefined;
  return user?.id && user.role ? { id: user.id, role: user.role } : null;
}
