import { afterAll, describe, expect, it } from "vitest";
import { bringDatabaseBack, takeDatabaseAway } from "@/test/database";
import { createDatabaseProbe } from "./probe";

// The question proxy.ts asks before a page renders: is the database there? Wrong either way is
// visible to people — a 503 page while it is up, or a failing render while it is away.

const url = () => process.env.DATABASE_URL!;
afterAll(() => bringDatabaseBack(url()));

describe("the database probe", () => {
  it("says no while the database refuses connections, yes again once it is back, and logs each change once", async () => {
    const lines: string[] = [];
    const probe = createDatabaseProbe(url(), (line) => lines.push(line));
    try {
      expect(await probe.answers()).toBe(true);
      await takeDatabaseAway(url());
      try {
        expect(await probe.answers()).toBe(false);
        expect(await probe.answers()).toBe(false);
      } finally {
        await bringDatabaseBack(url());
      }
      expect(await probe.answers()).toBe(true);
      const changes = lines.filter((line) => /does not answer|answers again/.test(line));
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatch(/does not answer \(.*not currently accepting connections\): pages answer 503/);
      expect(changes[1]).toMatch(/answers again/);
    } finally {
      await probe.close();
    }
  });

  it("asks once for a burst of page requests", async () => {
    const probe = createDatabaseProbe(url(), () => undefined);
    try {
      const burst = Array.from({ length: 20 }, () => probe.answers());
      expect(new Set(burst).size).toBe(1);
      expect(await Promise.all(burst)).toEqual(Array(20).fill(true));
      // The next request after the answer asks afresh: no answer is reused once given.
      const next = probe.answers();
      expect(next).not.toBe(burst[0]);
      expect(await next).toBe(true);
    } finally {
      await probe.close();
    }
  });
});
