import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane (the library's defaults, stated here).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the account does not exist, so an unknown address costs the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$E1dHdiTHV1Z6JBKBaaILvw$POcXlTPMCnE6MRnINIzjkpD09rXxLGwcvu5WqJKDRBk";

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? DUMMY_HASH, password);
    return Boolean(passwordHash) && matches;
  } catch (error) {
    console.error("Password verification failed:", error);
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;
