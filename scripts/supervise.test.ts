import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { supervise } from "./supervise";

// The launcher's children (Next.js, the worker) are kept running: one that dies comes back.

const node = (code: string) => () => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

describe("supervise", () => {
  it("restarts a child that exits, with a delay that doubles per quick exit", { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const supervisor = supervise({
      name: "crashy",
      start: node("process.exit(3)"),
      log: (l) => lines.push(l),
      minBackoffMs: 10,
      maxBackoffMs: 40,
    });
    await expect.poll(() => supervisor.restarts, { timeout: 50_000, interval: 10 }).toBeGreaterThanOrEqual(4);
    await supervisor.stop();
    const delays = lines.slice(0, 4).map((line) => line.match(/restarting in ([\d.]+) s/)?.[1]);
    expect(lines[0]).toMatch(/^crashy exited \(code 3\)/);
    expect(delays).toEqual(["0.01", "0.02", "0.04", "0.04"]);
  });

  it("stop() ends a running child and starts no other", async () => {
    const supervisor = supervise({
      name: "server",
      start: node("setInterval(() => {}, 1000)"),
      log: () => undefined,
      minBackoffMs: 10,
    });
    await supervisor.stop();
    expect(supervisor.restarts).toBe(0);
  });
});
