// `npm run bench`: how an export scales with history size. Seeds heavy@example.com with each
// size in BENCH_ROWS (default 100 000 and 1 000 000 activity rows), exports it in a fresh
// process, and prints time, throughput and peak memory, with the ratios between sizes. Bounded
// memory means the peak RSS ratio stays near 1 while the row ratio is 10.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations } from "@/lib/database/migrate";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createDatabase } from "@/test/database";
import { startTestServer } from "@/test/test-server";

const sizes = (process.env.BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
const server = await startTestServer();
const database = await createDatabase(server.serverUrl, { prefix: "portal_bench" });
const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
type Result = { rows: number; seconds: number; archiveBytes: number; baselineRssMb: number; peakRssMb: number };
const results: Result[] = [];

try {
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url);
  const user = await db.user.create({ data: { email: "heavy@example.com" } });
  for (const [index, size] of sizes.entries()) {
    const seeded = performance.now();
    await seedDemoCompany(database.url, { activityRows: size });
    console.log(`seeded ${size.toLocaleString("en")} activity rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const request = await db.privacyRequest.create({
      data: { reference: `DSR-BENCH-${index}`, userId: user.id, type: "ACCESS", formats: ["JSON", "CSV"], sourceKeys: [], status: "APPROVED", dueAt: new Date(Date.now() + 864e5) },
    });
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/export-one.ts", request.id], {
      env: { ...process.env, DATABASE_URL: database.url, SOURCE_DATABASE_URL: "", DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-0123456789abcdef0123456789" },
      encoding: "utf8",
    });
    results.push(JSON.parse(output.trim().split("\n").at(-1)!) as Result);
  }
  await db.$disconnect();
} finally {
  await database.drop();
  await server.stop();
}

console.log("\nExport of heavy@example.com (all sources, JSON + CSV, streamed into a ZIP):");
console.table(
  results.map((r) => ({
    "records exported": r.rows,
    "seconds": Number(r.seconds.toFixed(1)),
    "records/s": Math.round(r.rows / r.seconds),
    "archive MB": Number((r.archiveBytes / 2 ** 20).toFixed(1)),
    "RSS at start MB": Math.round(r.baselineRssMb),
    "peak RSS MB": Math.round(r.peakRssMb),
  })),
);
const [small, large] = [results[0], results.at(-1)];
if (small && large && small !== large) {
  console.log(
    `ratios ${large.rows.toLocaleString("en")} / ${small.rows.toLocaleString("en")} records: ` +
      `records ×${(large.rows / small.rows).toFixed(1)}, time ×${(large.seconds / small.seconds).toFixed(1)}, ` +
      `peak RSS ×${(large.peakRssMb / small.peakRssMb).toFixed(2)}`,
  );
}
