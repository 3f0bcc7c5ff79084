// `npm run bench`: the export engine against the floor, memory, latency and load, on a throw-away
// database (the PostgreSQL server at DATABASE_URL, else TEST_DATABASE_URL, else an embedded one).
// Prints one table and writes bench/results.json. BENCH_SCALE=small is a quick version for CI;
// the full run (100 000 and 1 000 000 activity rows, a burst of 100 requests) is for people and
// takes minutes. BENCH_ONLY=burst (or a comma-separated list of exports, latency, status, burst, disclosure)
// measures only those parts and writes bench/results.partial.json instead.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { withClient } from "@/lib/database/availability";
import { applyMigrations } from "@/lib/database/migrate";
import { createPrismaClient } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createDatabase } from "@/test/database";
import { startTestServer } from "@/test/test-server";
import { measureBurst, type BurstResult } from "./bench/burst";
import { copyFloor } from "./bench/copy-floor";
import { measureDisclosureScan } from "./bench/disclosure-scan";
import { measureLoad, signInCookie, startPortal, type LoadResult } from "./bench/http-load";
import { bundleScript } from "./build-worker";

const SCALES = {
  small: { sizes: [20_000, 100_000], pairs: 2, latencyRequests: 10, loadSeconds: 5, burstUsers: 30 },
  full: { sizes: [100_000, 1_000_000], pairs: 3, latencyRequests: 20, loadSeconds: 15, burstUsers: 100 },
};
const PARTS = ["exports", "latency", "status", "burst", "disclosure"] as const;
const only = process.env.BENCH_ONLY?.split(",")
  .map((part) => part.trim())
  .filter(Boolean);
const unknownParts = only?.filter((part) => !(PARTS as readonly string[]).includes(part)) ?? [];
if (unknownParts.length > 0)
  throw new Error(`BENCH_ONLY: unknown part ${unknownParts.join(", ")} (choose from ${PARTS.join(", ")})`);
const measures = (part: (typeof PARTS)[number]) => !only || only.includes(part);
const scaleName = process.env.BENCH_SCALE === "small" ? "small" : "full";
const scale = { ...SCALES[scaleName], ...(process.env.BENCH_PAIRS ? { pairs: Number(process.env.BENCH_PAIRS) } : {}) };

type ExportRun = {
  rows: number;
  seconds: number;
  collectSeconds: number;
  archiveBytes: number;
  baselineRssMb: number;
  peakRssMb: number;
};
type Pair = { rows: number; a: ExportRun; bSeconds: number; ratio: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const p95 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.ceil(values.length * 0.95) - 1]!;

const configured = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const server = configured ? { serverUrl: configured, stop: async () => undefined } : await startTestServer();
const database = await createDatabase(server.serverUrl, { prefix: "portal_bench" });
const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
// MALLOC_ARENA_MAX as the launcher sets it for the worker (scripts/portal.ts).
const childEnv = {
  MALLOC_ARENA_MAX: "2",
  ...process.env,
  DATABASE_URL: database.url,
  SOURCE_DATABASE_URL: "",
  DATA_DIR: dataDir,
  AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
};
// The measured processes run compiled, as the worker does in production (scripts/build-worker.ts).
const exportOne = await bundleScript("scripts/bench/export-one.ts", "bench-export-one");
const readyLatency = await bundleScript("scripts/bench/ready-latency.ts", "bench-ready-latency");
const runChild = <T>(script: string, args: string[]): T =>
  JSON.parse(
    execFileSync(process.execPath, [script, ...args], { env: childEnv, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1)!,
  ) as T;

const pairs: Pair[] = [];
type StatusLoad = { api: LoadResult; page: LoadResult; health: LoadResult };
let load: StatusLoad | string = "not measured";
let latency: Array<{ ms: number; collectMs: number; packageMs: number; emailMs: number; records: number }> = [];
let burst: BurstResult | string = "not measured";
try {
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url);
  const user = await db.user.create({ data: { email: "heavy@example.com" } });
  if (!measures("exports")) await seedDemoCompany(database.url, { activityRows: 0 });
  for (const size of measures("exports") ? scale.sizes : []) {
    const seeded = performance.now();
    await seedDemoCompany(database.url, { activityRows: size });
    console.log(
      `seeded ${size.toLocaleString("en")} activity rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    await settle(database.url);
    const subject = await heavySubject(database.url);
    for (let pair = 0; pair < scale.pairs; pair += 1) {
      const request = await db.privacyRequest.create({
        data: {
          reference: `DSR-BENCH-${size}-${pair}`,
          userId: user.id,
          type: "ACCESS",
          formats: ["JSON", "CSV"],
          sourceKeys: [],
          status: RequestStatus.APPROVED,
          dueAt: new Date(Date.now() + 864e5),
        },
      });
      // A and B alternate, so both see the same machine (and the same neighbours' load).
      const a = runChild<ExportRun>(exportOne, [request.id]);
      const b = await copyFloor(database.url, subject);
      pairs.push({ rows: a.rows, a, bSeconds: b.seconds, ratio: b.seconds / a.seconds });
      console.log(
        `${a.rows} rows: A ${a.seconds.toFixed(2)} s (collect ${a.collectSeconds.toFixed(2)} s, package ${(a.seconds - a.collectSeconds).toFixed(2)} s; peak RSS ${Math.round(a.peakRssMb)} MB), B ${b.seconds.toFixed(2)} s, B/A ${(b.seconds / a.seconds).toFixed(2)}`,
      );
    }
  }
  if (measures("latency") || measures("status"))
    latency = runChild<{ samples: typeof latency }>(readyLatency, [String(scale.latencyRequests)]).samples;
  if (measures("status")) load = await statusUnderLoad(db);
  if (measures("burst")) burst = await burstOfRequests();
  await db.$disconnect();
} finally {
  await database.drop();
  await server.stop();
}

const rows = (measures("exports") ? scale.sizes : []).map((size) => {
  const runs = pairs.filter((pair) => pair.a.rows >= size && pair.a.rows < size * 1.5);
  return {
    rows: runs[0]?.a.rows ?? size,
    aSeconds: median(runs.map((run) => run.a.seconds)),
    aRowsPerSecond: Math.round(median(runs.map((run) => run.a.rows / run.a.seconds))),
    bSeconds: median(runs.map((run) => run.bSeconds)),
    ratio: median(runs.map((run) => run.ratio)),
    peakRssMb: Math.round(Math.max(...runs.map((run) => run.a.peakRssMb))),
    archiveMb: Number(((runs[0]?.a.archiveBytes ?? 0) / 2 ** 20).toFixed(1)),
  };
});
const [smaller, larger] = [rows[0], rows.at(-1)];
const disclosureScan = measures("disclosure") ? await measureDisclosureScan() : null;
const results = {
  scale: scaleName,
  ...(only ? { only } : {}),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load: os.loadavg().map((l) => Number(l.toFixed(2))),
  },
  measuredAt: new Date().toISOString(),
  exports: rows,
  pairs: pairs.map((pair) => ({
    rows: pair.rows,
    aSeconds: pair.a.seconds,
    bSeconds: pair.bSeconds,
    ratio: pair.ratio,
    peakRssMb: pair.a.peakRssMb,
  })),
  peakRssGrowth: smaller && larger ? larger.peakRssMb / smaller.peakRssMb : null,
  readyEmail: {
    requests: latency.length,
    records: latency[0]?.records,
    medianMs: latency.length ? median(latency.map((s) => s.ms)) : null,
    p95Ms: latency.length ? p95(latency.map((s) => s.ms)) : null,
    medianCollectMs: latency.length ? median(latency.map((s) => s.collectMs)) : null,
    medianPackageMs: latency.length ? median(latency.map((s) => s.packageMs)) : null,
    medianEmailMs: latency.length ? median(latency.map((s) => s.emailMs)) : null,
  },
  statusUnderLoad: load,
  burst,
  disclosureScan,
};
// A partial run (BENCH_ONLY) never overwrites the full record.
const resultsFile = only ? "bench/results.partial.json" : "bench/results.json";
mkdirSync("bench", { recursive: true });
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");

console.log(
  `\nnpm run bench (${scaleName}${only ? `, only ${only.join(", ")}` : ""}) on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load ${results.machine.load.join(" ")}`,
);
console.table([
  ...rows.map((row) => ({
    figure: `${row.rows.toLocaleString("en")} activity rows, JSON + CSV: A (our export)`,
    value: `${row.aSeconds.toFixed(2)} s, ${(row.aRowsPerSecond / 1000).toFixed(1)} k rows/s, ${row.archiveMb} MB`,
  })),
  ...rows.map((row) => ({
    figure: `${row.rows.toLocaleString("en")} rows: B (COPY → gzip -6, the floor)`,
    value: `${row.bSeconds.toFixed(2)} s`,
  })),
  ...rows.map((row) => ({
    figure: `${row.rows.toLocaleString("en")} rows: B / A (median of pairs)`,
    value: row.ratio.toFixed(2),
  })),
  ...rows.map((row) => ({
    figure: `${row.rows.toLocaleString("en")} rows: A's peak RSS`,
    value: `${row.peakRssMb} MB`,
  })),
  ...(smaller && larger && results.peakRssGrowth !== null
    ? [
        {
          figure: `peak RSS ${larger.rows.toLocaleString("en")} / ${smaller.rows.toLocaleString("en")}`,
          value: `×${results.peakRssGrowth.toFixed(2)}`,
        },
      ]
    : []),
  ...(latency.length
    ? [
        {
          figure: `approval → ready email (${latency.length} requests, ${results.readyEmail.records} records)`,
          value: `median ${results.readyEmail.medianMs} ms, p95 ${results.readyEmail.p95Ms} ms (collect ${results.readyEmail.medianCollectMs}, package ${results.readyEmail.medianPackageMs}, email ${results.readyEmail.medianEmailMs})`,
        },
      ]
    : []),
  ...(disclosureScan
    ? [
        {
          figure:
            `Art. 15(4) scan, ${disclosureScan.records.toLocaleString("en")} free-text records ` +
            `(${disclosureScan.texts.toLocaleString("en")} texts)`,
          value:
            `median ${disclosureScan.medianMs} ms, ${disclosureScan.findings} findings ` +
            "(in process; names looked up once per page)",
        },
      ]
    : []),
  ...(!measures("status")
    ? []
    : typeof load === "string"
      ? [{ figure: "status API and page under 50 connections", value: load }]
      : (["api", "page", "health"] as const).map((kind) => {
          const r = (load as StatusLoad)[kind];
          return {
            figure: {
              api: "GET /api/v1/exports/:id, 50 connections",
              page: "status page HTML, 50 connections",
              health: "floor: GET /api/health (SELECT 1), 50 connections",
            }[kind],
            value: `${r.perSecond} req/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms (one call alone: p50 ${r.aloneP50Ms} ms), ${r.transactionsPerCall} db transactions/call, ${r.non2xx} non-2xx`,
          };
        })),
  ...(!measures("burst")
    ? []
    : typeof burst === "string"
      ? [{ figure: `${scale.burstUsers} users submit at once (auto-approve)`, value: burst }]
      : [
          {
            figure: `${burst.users} users submit at once (auto-approve)`,
            value:
              `POST p50 ${burst.post.p50Ms} ms, p95 ${burst.post.p95Ms} ms, max ${burst.post.maxMs} ms (web CPU ${burst.cpu.webMsPerPost} ms each); ` +
              `${burst.ready}/${burst.users} READY ${burst.allReadySeconds === null ? `(not all; last after ${burst.lastReadySeconds} s)` : `in ${burst.allReadySeconds} s`}; ` +
              `one archive ${burst.oneArchiveEach}/${burst.users}, one ready email ${burst.oneReadyEmailEach}/${burst.users}, audit chain ${burst.auditChain}; ` +
              `worker peak RSS ${burst.workerPeakRssMb} MB; CPU over the burst: worker ${burst.cpu.workerSeconds} s, web ${burst.cpu.webSeconds} s, ` +
              `PostgreSQL ${burst.cpu.databaseSeconds ?? "n/a"} s, all cores ${burst.cpu.machineBusyPercent} % busy`,
          },
        ]),
]);
console.log(`wrote ${resultsFile}`);

/** A burst of requests from as many customers, on a production build with its worker beside it. */
async function burstOfRequests(): Promise<BurstResult | string> {
  if (!existsSync(".next/BUILD_ID")) return "skipped: no production build (run `npm run build` first)";
  return measureBurst({
    databaseUrl: database.url,
    env: childEnv,
    users: Number(process.env.BENCH_BURST_USERS ?? scale.burstUsers),
    port: Number(process.env.BENCH_PORT ?? 3199),
    nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean),
    log: console.log,
  });
}

/** Alex's latest (READY) request, read by Alex through a production build under 50 connections. */
async function statusUnderLoad(db: ReturnType<typeof createPrismaClient>): Promise<StatusLoad | string> {
  if (!existsSync(".next/BUILD_ID")) return "skipped: no production build (run `npm run build` first)";
  const request = await db.privacyRequest.findFirstOrThrow({
    where: { user: { email: "alex@example.com" }, status: RequestStatus.READY },
    orderBy: { submittedAt: "desc" },
  });
  const cookie = await signInCookie(database.url, request.userId);
  const portal = await startPortal(childEnv, Number(process.env.BENCH_PORT ?? 3199));
  try {
    const api = await measureLoad(
      database.url,
      `${portal.url}/api/v1/exports/${request.id}`,
      cookie,
      scale.loadSeconds,
    );
    const page = await measureLoad(
      database.url,
      `${portal.url}/privacy-center/requests/${request.id}`,
      cookie,
      scale.loadSeconds,
    );
    // The same server's cheapest route (one SELECT 1): what Next.js itself costs per call here.
    const health = await measureLoad(database.url, `${portal.url}/api/health`, cookie, scale.loadSeconds);
    return { api, page, health };
  } finally {
    await portal.stop();
  }
}

/**
 * VACUUM ANALYZE after a bulk load, as a company's database in steady state would be: otherwise
 * autovacuum works through the million fresh rows while the later parts measure (it doubled the
 * approval → email latency and added its own transactions to the per-call counts).
 */
async function settle(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, "bench", async (client) => {
    await client.query("VACUUM (ANALYZE)");
    // The seed's dirty pages would otherwise be written out by a checkpoint in the middle of
    // whichever export happens to be running then (A or B alike).
    await client
      .query("CHECKPOINT")
      .catch((error: Error) => console.log(`no CHECKPOINT (${error.message}); expect noisier figures`));
  });
}

async function heavySubject(databaseUrl: string): Promise<{ id: string; email: string }> {
  return withClient(databaseUrl, "bench", async (client) => {
    const { rows: found } = await client.query<{ id: string }>(
      "SELECT external_id AS id FROM streampay.customers WHERE email = 'heavy@example.com'",
    );
    return { id: found[0]!.id, email: "heavy@example.com" };
  });
}
