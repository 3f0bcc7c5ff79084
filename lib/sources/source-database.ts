import pg from "pg";
import { logConnectionErrors } from "@/lib/database/availability";
import { env } from "@/lib/env";

// The company's database the sources read from: SOURCE_DATABASE_URL, or the portal's own
// database, which holds the seeded demo company. Read-only use; a small pool of its own so a big
// export never starves the portal's Prisma pool.

const globalForSources = globalThis as unknown as { sourcePool?: pg.Pool; sourcePoolUrl?: string };

export function sourceDatabase(): pg.Pool {
  const { SOURCE_DATABASE_URL, DATABASE_URL } = env();
  const url = SOURCE_DATABASE_URL ?? DATABASE_URL;
  if (!url)
    throw new Error("Neither SOURCE_DATABASE_URL nor DATABASE_URL is set; the data sources have nothing to read.");
  if (!globalForSources.sourcePool || globalForSources.sourcePoolUrl !== url) {
    void globalForSources.sourcePool?.end();
    globalForSources.sourcePool = logConnectionErrors(new pg.Pool({ connectionString: url, max: 4 }), "sources");
    globalForSources.sourcePoolUrl = url;
  }
  return globalForSources.sourcePool;
}

export async function closeSourceDatabase(): Promise<void> {
  await globalForSources.sourcePool?.end();
  globalForSources.sourcePool = undefined;
}
