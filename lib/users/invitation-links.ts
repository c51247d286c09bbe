import { env } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/security/tokens";

/** The invitation link's token: signed, for one invitation, expiring with it. Built when the e-mail is sent. */
export function invitationUrl(invitation: { id: string; expiresAt: Date }, siteUrl: string = env.SITE_URL): string {
  const token = signToken(env.APP_SECRET, { purpose: "invitation", subject: invitation.id, expiresAt: invitation.expiresAt });
  return `${siteUrl}/invitations/accept?token=${token}`;
}

/** The invitation a link stands for, even when expired (the page then says so); null if forged or altered. */
export function invitationIdFromToken(token: unknown): string | null {
  return verifyToken(env.APP_SECRET, "invitation", token, new Date(0))?.subject ?? null;
}
