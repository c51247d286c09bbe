import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const PERMISSIONS = ["comment:moderate", "event:edit", "recap:publish", "user:manage", "mailbox:read", "site:manage", "audit:read"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  HOST: ["comment:moderate", "event:edit", "recap:publish", "mailbox:read"],
};

/** The signed-in person a use case acts for. */
export type Actor = { id: string; role: Role };

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return Boolean(actor && ROLE_PERMISSIONS[actor.role]?.includes(permission));
}

/**
 * Every dashboard use case starts here. Anonymous callers get UNAUTHORIZED; signed-in people
 * without the permission get NOT_FOUND, which tells them nothing about what exists.
 */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHORIZED", "signInRequired");
  if (!can(actor, permission)) throw new AppError("NOT_FOUND", "notFound");
}
