import { z } from "zod";

const wordList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/debrief.db"),
  /** PostgreSQL only: connections each process keeps open (app instance or worker). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Signs sessions, form tokens and the links in e-mails, and keys the IP hashes: the same on every instance.
   * `npm start` generates one into data/app-secret when unset.
   */
  APP_SECRET: z.string().min(16).default("debrief-development-secret-change-me"),
  DEFAULT_LOCALE: z.enum(["fr", "en"]).default("fr"),
  /** Comments containing one of these words are held for moderation. */
  MODERATION_HOLD_WORDS: wordList,
  /** Comments containing one of these words are stored as rejected and never shown. */
  MODERATION_REJECT_WORDS: wordList,
  /** A form submitted sooner than this after the page was served is treated as a bot. */
  COMMENT_MIN_FILL_SECONDS: z.coerce.number().min(0).default(3),
  /**
   * The site's address: links in e-mails use it while the settings have no public address; an https address here
   * marks cookies Secure.
   */
  SITE_URL: z
    .url()
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  /** smtp(s)://user:pass@host:port. Unset: e-mails are produced and stored, readable in the dev mailbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Debrief <debrief@localhost>"),
  /** At most this many recap-request confirmation e-mails leave the site per hour, whoever asks. */
  CONFIRMATION_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(200),
  /** How long a worker holds what it claimed (e-mails, jobs) without renewing it before another may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Requesters a publication's fan-out turns into e-mails per transaction (keeps each write short). */
  FANOUT_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Memory for cached event pages served to anonymous readers (per instance); 0 turns the cache off. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** How many due e-mails a worker claims at a time; smaller batches spread work over more workers. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  /** How long to wait for the SMTP server at each step; past it, a send whose data went out is ambiguous. */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
  /** First retry delay after a failed send worth retrying (4xx, refused connection); doubles each time. */
  OUTBOX_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Hosts get a weekly digest of events whose requesters have waited longer than this for a recap. */
  RECAP_NUDGE_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Retention windows (days): sign-in attempts; e-mail bodies after sending; IP hashes and user agents. */
  RETENTION_LOGIN_ATTEMPTS_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_EMAIL_BODIES_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_CLIENT_DATA_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/**
 * The application's environment, parsed once; the app's code reads `env`, not process.env. Outside this schema:
 * server.ts reads PORT, HOST and TRUST_PROXY_HOPS; scripts/start.ts reads RUN_WORKER and fills in APP_SECRET,
 * SITE_URL and NEXTAUTH_URL (which next-auth reads) before the server starts; prisma.config.ts reads DATABASE_URL
 * for the CLI; next.config.ts reads NODE_ENV; lib/db/migrate.ts hands the environment on to the Prisma CLI it
 * runs; the benchmark, test and screenshot scripts read their own (BENCH_*, TEST_DATABASE_URL_PG, CI, CHROMIUM_PATH).
 */
export const env: Env = parseEnv(process.env);
