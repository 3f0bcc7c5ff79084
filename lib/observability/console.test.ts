import { afterEach, describe, expect, it } from "vitest";
import { startLogCapture } from "@/test/log-capture";
import { routeConsoleToLogger } from "./console";

describe("the console, routed to the logger", () => {
  let restore: (() => void) | undefined;
  let logs: ReturnType<typeof startLogCapture> | undefined;
  afterEach(() => {
    restore?.();
    logs?.stop();
  });

  it("writes Next.js's copy of an error as one scrubbed JSON line at its level", () => {
    logs = startLogCapture();
    restore = routeConsoleToLogger();
    console.error(" ⨯", new Error("no requests for anna@example.com"));
    console.warn("⚠ slow page %s took %d ms", "/privacy-center", 1200);
    console.log("plain line");
    expect(logs.entries()).toMatchObject([
      {
        level: "error",
        module: "console",
        msg: "no requests for [email]",
        err: { message: "no requests for [email]" },
      },
      { level: "warn", msg: "slow page /privacy-center took 1200 ms" },
      { level: "info", msg: "plain line" },
    ]);
    expect(logs.raw().join("\n")).not.toContain("anna@example.com");
  });

  it("puts the console back", () => {
    const before = console.error;
    routeConsoleToLogger()();
    expect(console.error).toBe(before);
  });
});
