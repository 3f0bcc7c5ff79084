import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/free-port";
import { provisionDatabase } from "./provision";
import { withClient } from "./availability";

// `npm run dev` with no DATABASE_URL: an embedded PostgreSQL under DATA_DIR/postgres, created on
// the first start and reused (with its data and migrations) on the next.

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("provisionDatabase without DATABASE_URL", () => {
  it(
    "starts an embedded PostgreSQL, migrates it, and finds the same data on the next start",
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-provision-"));
      dirs.push(dataDir);
      await chmod(dataDir, 0o755); // as root the server runs as the postgres user
      const port = await freePort();
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);

      const first = await provisionDatabase({ dataDir, port, log });
      try {
        expect(first.embedded).toBe(true);
        expect(lines.some((line) => line.startsWith("Applied migrations:"))).toBe(true);
        await withClient(first.url, "test", (client) =>
          client.query("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)"),
        );
      } finally {
        await first.stop();
      }

      lines.length = 0;
      const second = await provisionDatabase({ dataDir, port, log });
      try {
        expect(lines.some((line) => line.startsWith("Applied migrations:"))).toBe(false);
        expect(
          await withClient(second.url, "test", async (client) => (await client.query("SELECT id FROM kept")).rows),
        ).toEqual([{ id: 7 }]);
      } finally {
        await second.stop();
      }
    },
  );

  it("uses DATABASE_URL as it is when set", async () => {
    const url = process.env.DATABASE_URL!;
    const database = await provisionDatabase({ databaseUrl: url, dataDir: "unused", port: 1, log: () => undefined });
    expect(database).toMatchObject({ url, embedded: false });
    await database.stop();
  });
});
