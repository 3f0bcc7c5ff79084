import { z } from "zod";

// The one place configuration is read. Each part of the portal has an embedded default that needs
// nothing installed; setting the production variable switches that part to its real service.
// Every variable is documented in .env.example.

const flag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/\S+$/.test(v), { message: "must be a postgresql:// URL" });

const positiveInt = z.coerce.number({ message: "must be a number" }).int().positive();

/** `name=value` (the value percent-encoded, as the OTLP exporter spec writes it) → [name, value]. */
const headerPair = (pair: string): [string, string] => {
  const equals = pair.indexOf("=");
  return [pair.slice(0, equals), decodeURIComponent(pair.slice(equals + 1))];
};

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

    // Database: unset → `npm run dev` starts an embedded PostgreSQL under DATA_DIR/postgres.
    DATABASE_URL: postgresUrl.optional(),
    // Where the data sources read the company's data; defaults to the portal's own database,
    // which holds the seeded demo company.
    SOURCE_DATABASE_URL: postgresUrl.optional(),
    EMBEDDED_POSTGRES_PORT: positiveInt.max(65535).default(54329),
    DATA_DIR: z.string().min(1).default(".data"),

    // Auth.js
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    AUTH_URL: z.url({ message: "must be an absolute URL" }).optional(),
    AUTH_TRUST_HOST: flag.default(true),
    SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: positiveInt.default(5),
    SIGN_IN_EMAILS_PER_IP_PER_HOUR: positiveInt.default(20),
    // Reverse proxies of ours in front of the portal that append to X-Forwarded-For. 0: the portal
    // faces the internet and the client is the TCP peer. Ignored on Vercel (VERCEL=1 is set by the
    // platform), whose own header names the client.
    TRUSTED_PROXY_HOPS: z.coerce.number({ message: "must be a number" }).int().min(0).max(10).default(0),
    VERCEL: flag.optional(),
    // Signs the audit checkpoints written to the archive store; defaults to AUTH_SECRET. A separate
    // key lets you rotate sign-in secrets without re-signing history.
    AUDIT_CHECKPOINT_KEY: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    // A download asks for a fresh sign-in when the session is older than this.
    DOWNLOAD_REAUTH_MINUTES: positiveInt.max(24 * 60).default(15),

    // Email: unset RESEND_API_KEY → mail goes to the outbox table, readable at /dev/outbox.
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url({ message: "must be an absolute URL" }).optional(),
    EMAIL_FROM: z.string().min(3).default("StreamPay Privacy <privacy@streampay.example>"),

    // Addresses given the ADMIN role at every start (`npm start`, `npm run dev`), audited: how the
    // first admin of a production portal is made. Comma-separated; never demotes anyone.
    ADMIN_EMAILS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })))
      .default([]),

    // Shows the demo accounts on the home page and the /dev/outbox page. Never enable it on a
    // deployment that real customers use: the outbox shows everyone's sign-in links.
    DEMO_MODE: flag.optional(),

    // Workflows: set any INNGEST_* variable to run them on Inngest (cloud or self-hosted), which
    // calls /api/inngest. Unset: the embedded worker runs them (`npm run dev`, `npm run worker`).
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_BASE_URL: z.url({ message: "must be an absolute URL" }).optional(),
    INNGEST_DEV: z.string().optional(),
    // How long an embedded worker may go silent before another takes over its runs.
    JOB_LEASE_SECONDS: positiveInt.max(3600).default(30),
    // Steps one embedded worker executes at once, across all its runs (and the most runs it holds).
    // Its memory and CPU grow with this, not with the number of requests waiting; 4 keeps a 2-core
    // machine busy while the web process still answers (README, "Performance").
    JOB_CONCURRENCY: positiveInt.max(64).default(4),
    // Finished workflow runs, their steps and events, cron ticks and relayed outbox events are
    // deleted this many days after they finished (a daily cleanup job).
    JOB_RETENTION_DAYS: positiveInt.max(3650).default(14),

    // Public address of the portal, for links in emails sent by the workflows.
    PORTAL_URL: z.url({ message: "must be an absolute URL" }).optional(),

    // Archives: where they are stored and how long a download stays available.
    BLOB_READ_WRITE_TOKEN: z.string().min(1).optional(),
    ARCHIVE_RETENTION_DAYS: positiveInt.max(90).default(7),

    // The controller, as the archive's README.html names it (Art. 13/15 information).
    // Identity: approve a request without a reviewer when the signed-in email matches exactly one
    // data subject. Defaults to on in demo mode only.
    IDENTITY_AUTO_APPROVE: flag.optional(),
    // Requests one customer may make in 24 hours (one may be open at a time).
    REQUESTS_PER_DAY: positiveInt.max(100).default(3),
    // Requests for someone else (an authorised agent, a parent): how many one account may make in
    // 24 hours, and from how many different data subjects on its queue rows are flagged for a
    // closer look (one agent, many subjects: a scraper as likely as a law firm).
    AGENT_REQUESTS_PER_DAY: positiveInt.max(100).default(5),
    AGENT_SUBJECTS_FLAG_THRESHOLD: positiveInt.max(1000).default(3),
    // The data subject's link to object to a request made for them stays valid this long.
    MANDATE_OBJECTION_DAYS: positiveInt.max(90).default(30),
    // A mandate is deleted with the archive; when the request ends without one (rejected,
    // cancelled), this many days after it ended.
    MANDATE_RETENTION_DAYS: positiveInt.max(365).default(30),

    // The customer pages' language when neither the person's choice nor their browser's
    // Accept-Language matches a message file (messages/<locale>.json).
    DEFAULT_LOCALE: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "must be a language tag like en or de")
      .default("en"),

    // Outside services the company's sources read (lib/companies/<name>/). Each is on when its
    // credentials are set; the API bases point elsewhere for a region, a proxy or the local fakes.
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_API_BASE: z.url({ message: "must be an absolute URL" }).default("https://api.stripe.com"),
    INTERCOM_ACCESS_TOKEN: z.string().min(1).optional(),
    INTERCOM_API_BASE: z.url({ message: "must be an absolute URL" }).default("https://api.intercom.io"),
    ANALYTICS_API_KEY: z.string().min(1).optional(),
    ANALYTICS_PROJECT_ID: z.string().min(1).optional(),
    ANALYTICS_API_BASE: z.url({ message: "must be an absolute URL" }).default("https://eu.posthog.com"),
    // Calls to those services: attempts per request (timeouts, 5xx and 429 are retried) and the
    // timeout of each attempt.
    SOURCE_HTTP_ATTEMPTS: positiveInt.max(10).default(4),
    SOURCE_HTTP_TIMEOUT_SECONDS: positiveInt.max(300).default(30),

    // /.well-known/security.txt (RFC 9116): where researchers report a vulnerability, as a
    // mailto: or https: URI or a bare email address (default: mailto:COMPANY_CONTACT_EMAIL, as
    // SECURITY.md says), and the page of the disclosure policy, if the company has one.
    SECURITY_CONTACT: z
      .string()
      .transform((v) => (/^[^:\s]+@[^\s]+$/.test(v) ? `mailto:${v}` : v))
      .pipe(z.url({ protocol: /^(mailto|https)$/, message: "must be an email address, a mailto: or an https:// URL" }))
      .optional(),
    SECURITY_POLICY_URL: z.url({ protocol: /^https$/, message: "must be an https:// URL" }).optional(),

    // Prometheus scrapes /api/metrics with `Authorization: Bearer <METRICS_TOKEN>`. Unset: the
    // endpoint does not exist (404). Long and random: it shows volumes and deadlines.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (openssl rand -hex 32)").optional(),

    // Logs: one JSON object a line on stdout (docs/operations.md, "Logs and traces"); "pretty" is
    // for a person at a terminal and the default of `npm run dev`.
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "must be a pino level (info, debug, …)",
      })
      .default("info"),
    LOG_FORMAT: z.enum(["json", "pretty"], { message: "must be json or pretty" }).optional(),
    // Traces: OTLP/HTTP to this collector (e.g. http://otel-collector:4318); unset, nothing is traced.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: "must be an absolute URL" }).optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("privacy-portal"),
    // Headers for that collector, e.g. its API key: "x-honeycomb-team=…,x-other=…" (the OTLP spec's
    // format, opentelemetry.io/docs/specs/otel/protocol/exporter/#specifying-headers-via-environment-variables).
    OTEL_EXPORTER_OTLP_HEADERS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((pair) => pair.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^=\s]+=.+$/, "must be comma-separated name=value pairs")))
      .transform((pairs) => Object.fromEntries(pairs.map(headerPair)))
      .optional(),

    COMPANY_NAME: z.string().min(1).default("StreamPay"),
    COMPANY_CONTACT_EMAIL: z.email({ message: "must be an email address" }).default("privacy@streampay.example"),
    COMPANY_DPO_EMAIL: z.email({ message: "must be an email address" }).default("dpo@streampay.example"),
    COMPANY_ADDRESS: z.string().default("StreamPay Ltd, 1 Example Street, Dublin, Ireland"),
    SUPERVISORY_AUTHORITY_NAME: z.string().min(1).default("Data Protection Commission (Ireland)"),
    SUPERVISORY_AUTHORITY_URL: z.url({ message: "must be an absolute URL" }).default("https://www.dataprotection.ie"),
  })
  .refine((e) => !e.ANALYTICS_API_KEY === !e.ANALYTICS_PROJECT_ID, {
    message: "set both ANALYTICS_API_KEY and ANALYTICS_PROJECT_ID, or neither",
    path: ["ANALYTICS_PROJECT_ID"],
  });

export type Env = z.infer<typeof envSchema> & {
  emailMode: "resend" | "outbox";
  /** Inngest when any INNGEST_* variable that points at an Inngest server is set; else the embedded worker. */
  jobsMode: "inngest" | "embedded";
  demoMode: boolean;
  autoApproveIdentity: boolean;
  logFormat: "json" | "pretty";
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in .env means "not set", as most tools read it.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const parsed = result.data;
  const emailMode = parsed.RESEND_API_KEY ? "resend" : "outbox";
  const jobsMode = parsed.INNGEST_EVENT_KEY || parsed.INNGEST_BASE_URL || parsed.INNGEST_DEV ? "inngest" : "embedded";
  const demoMode = parsed.DEMO_MODE ?? (emailMode === "outbox" && parsed.NODE_ENV !== "production");
  const logFormat = parsed.LOG_FORMAT ?? (parsed.NODE_ENV === "development" ? "pretty" : "json");
  const autoApproveIdentity = parsed.IDENTITY_AUTO_APPROVE ?? demoMode;
  return { ...parsed, emailMode, jobsMode, demoMode, autoApproveIdentity, logFormat };
}

let cached: Env | undefined;

/** The validated configuration of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Re-reads process.env: for tests that change a policy variable. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}
