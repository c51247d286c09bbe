/**
 * How long a confirmation link works. The other limits are in lib/security/rate-limits.ts. Kept apart from the
 * use case so the demo seed and the tests' records can use it without loading the use case's imports.
 */
export const RECAP_REQUEST_LIMITS = {
  tokenValidityDays: 7,
} as const;
