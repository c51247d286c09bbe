import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http/client-info";
import type { Role } from "@/lib/generated/prisma/enums";
import { authenticate } from "./authenticate";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** next-auth (v4): e-mail + password, stateless JWT sessions of at most 12 hours. */
export const authOptions: NextAuthOptions = {
  secret: env.APP_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        // next-auth hands over Node's plain header object; the address is read as everywhere else.
        const { ip } = clientInfo(new Headers(request?.headers as Record<string, string> | undefined));
        try {
          const user = await authenticate({ db, email: credentials.email, password: credentials.password, ip });
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        } catch (error) {
          // next-auth shows the error's message as the sign-in error code.
          if (isAppError(error)) throw new Error(error.messageKey);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid as string, role: token.role as Role } };
    },
  },
};
