// One measured export, in a process of its own so its peak RSS is its own: collects every source
// of heavy@example.com's request and packages the archive, then prints one JSON line.
import { db } from "@/lib/db";
import { collectSource } from "@/lib/requests/collect-source";
import { packageArchive } from "@/lib/requests/package-archive";
import { startCollection } from "@/lib/requests/start-collection";
import { closeSourceDatabase } from "@/lib/sources/source-database";

const requestId = process.argv[2]!;
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const { sourceKeys } = await startCollection(requestId);
for (const key of sourceKeys) await collectSource(requestId, key);
const collectSeconds = (performance.now() - started) / 1000;
const archive = await packageArchive(requestId);
const seconds = (performance.now() - started) / 1000;
const rows = await db.requestSource.aggregate({ where: { requestId }, _sum: { recordCount: true } });
console.log(
  JSON.stringify({
    rows: rows._sum.recordCount ?? 0,
    seconds,
    collectSeconds,
    archiveBytes: archive.sizeBytes,
    baselineRssMb: baselineRss / 2 ** 20,
    // ru_maxrss is in kilobytes on Linux.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
await db.$disconnect();
await closeSourceDatabase();
