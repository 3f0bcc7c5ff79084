// The floor an export is measured against (B): the same subject's rows and allowed columns,
// serialised by PostgreSQL itself (`COPY … TO STDOUT` as CSV, and `row_to_json` for JSON) and
// piped to `gzip -6`. No allow-list check, no counts, no manifest: what the hardware and the
// database can do, not a competing implementation.
import { spawn } from "node:child_process";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { activeCompany } from "@/lib/sources/registry";
import { sqlSourceSelect } from "@/lib/sources/sql-source";
import type { DataSubject } from "@/lib/sources/types";

export type FloorResult = { seconds: number; gzipBytes: number };

export async function copyFloor(databaseUrl: string, subject: DataSubject): Promise<FloorResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  let gzipBytes = 0;
  try {
    for (const source of activeCompany().sources()) {
      const query = sqlSourceSelect(source, subject);
      if (!query) continue;
      // COPY takes no bind parameters: inline them as quoted literals.
      const conditions = query.conditions.map((condition) =>
        condition.replace(/\$(\d+)/g, (_, n: string) => client.escapeLiteral(String(query.params[Number(n) - 1]))),
      );
      const select = `SELECT ${query.select.join(", ")} FROM ${query.from} WHERE ${conditions.join(" AND ")} ORDER BY ${query.key}`;
      gzipBytes += await copyGzipped(client, `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`);
      gzipBytes += await copyGzipped(client, `COPY (SELECT row_to_json(r) FROM (${select}) r) TO STDOUT`);
    }
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, gzipBytes };
}

async function copyGzipped(client: pg.Client, sql: string): Promise<number> {
  const gzip = spawn("gzip", ["-6"], { stdio: ["pipe", "pipe", "inherit"] });
  let bytes = 0;
  gzip.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
  const exited = new Promise<void>((resolve, reject) =>
    gzip.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`gzip exited with ${code}`)))),
  );
  await pipeline(client.query(copyTo(sql)), gzip.stdin);
  await exited;
  return bytes;
}
