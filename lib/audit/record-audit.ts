import type { Database, Transaction } from "@/lib/db/client";

/**
 * Every change worth an audit row, with what changed — one union, so each action has the same shape everywhere
 * and the audit page can say it in words. Written in the transaction of the change.
 */
export type AuditEvent =
  | { action: "comment.moderate"; targetType: "Comment"; targetId: string; details: { eventId: string; from: string; to: string } }
  | {
      action: "event.create" | "event.edit" | "event.publish" | "event.unpublish";
      targetType: "Event";
      targetId: string;
      details: { slug: string; status: string; cancelledEmails?: number };
    }
  | { action: "event.import"; targetType: "Event"; targetId: string; details: { slug: string; source: string; comments: number } }
  | { action: "event.delete"; targetType: "Event"; targetId: string; details: { slug: string; title: string; comments: number; requests: number } }
  | { action: "recap.save"; targetType: "Recap"; targetId: string; details: { eventId: string; links: number; status: string } }
  | {
      action: "recap.publish";
      targetType: "Recap";
      targetId: string;
      details: { eventId: string; publication: number; notified: number; repliedUnderComments: number };
    }
  | { action: "recap.unpublish"; targetType: "Recap"; targetId: string; details: { eventId: string; cancelled: number; repliesRemoved: number } }
  | {
      action: "recap.outlook";
      targetType: "Event";
      targetId: string;
      details: { recapOutlook: string; recapExpectedOn: string | null; recapOutlookNote: string | null };
    }
  | { action: "recap.retry-failed" | "recap.resend-ambiguous"; targetType: "Recap"; targetId: string; details: { eventId: string; count: number } }
  | { action: "user.create"; targetType: "User"; targetId: string; details: { email: string; role: string; via: "command line" | "dashboard" | "setup" } }
  | { action: "user.invite"; targetType: "Invitation"; targetId: string; details: { email: string; role: string } }
  | { action: "user.accept-invitation"; targetType: "User"; targetId: string; details: { email: string; role: string } }
  | { action: "user.update-profile"; targetType: "User"; targetId: string; details: { changed: string[] } }
  | { action: "user.revoke-invitation"; targetType: "Invitation"; targetId: string; details: { email: string; role: string } }
  | { action: "user.disable" | "user.enable" | "user.remove"; targetType: "User"; targetId: string; details: { email: string; invitationsWithdrawn?: number } }
  | { action: "user.change-role"; targetType: "User"; targetId: string; details: { email: string; from: string; to: string; invitationsWithdrawn?: number } }
  | { action: "user.sign-out-everywhere"; targetType: "User"; targetId: string; details: { sessions: number } }
  | { action: "settings.update"; targetType: "SiteSettings"; targetId: "site"; details: { changed: string[] } }
  | { action: "settings.image"; targetType: "SiteSettings"; targetId: "site"; details: { image: "logo" | "favicon"; removed: boolean } };

export type AuditAction = AuditEvent["action"];

/** Every action, once (the compiler refuses a missing or unknown one), to tell them from a row's stored string. */
const AUDIT_ACTIONS: Record<AuditAction, true> = {
  "comment.moderate": true,
  "event.create": true,
  "event.edit": true,
  "event.publish": true,
  "event.unpublish": true,
  "event.import": true,
  "event.delete": true,
  "recap.save": true,
  "recap.publish": true,
  "recap.unpublish": true,
  "recap.outlook": true,
  "recap.retry-failed": true,
  "recap.resend-ambiguous": true,
  "user.create": true,
  "user.invite": true,
  "user.accept-invitation": true,
  "user.update-profile": true,
  "user.revoke-invitation": true,
  "user.disable": true,
  "user.enable": true,
  "user.remove": true,
  "user.change-role": true,
  "user.sign-out-everywhere": true,
  "settings.update": true,
  "settings.image": true,
};

/** Whether a stored action is one the code knows (and the audit page can say in words), not an older or unknown name. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

export async function recordAudit(tx: Transaction | Database, actorId: string | null, event: AuditEvent, now: Date = new Date()): Promise<void> {
  await tx.auditLog.create({
    data: { actorId, action: event.action, targetType: event.targetType, targetId: event.targetId, details: JSON.stringify(event.details), createdAt: now },
    select: { id: true },
  });
}

/** Several rows at once (bulk moderation). */
export async function recordAudits(tx: Transaction | Database, actorId: string | null, events: AuditEvent[], now: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  await tx.auditLog.createMany({
    data: events.map((event) => ({
      actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      details: JSON.stringify(event.details),
      createdAt: now,
    })),
  });
}
