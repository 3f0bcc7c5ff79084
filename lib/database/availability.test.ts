import pg from "pg";
import { describe, expect, it } from "vitest";
import { currentLogContext, withLogContext, type LogContext } from "@/lib/observability/log-context";
import { isDatabaseUnavailable, logConnectionErrors } from "./availability";

describe("isDatabaseUnavailable", () => {
  const prismaError = (cause: object) =>
    Object.assign(new Error("Raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
    });

  it.each([
    [
      "a server that cannot be reached (Prisma)",
      prismaError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }),
    ],
    ["a terminated session (57P01)", prismaError({ kind: "postgres", code: "57P01" })],
    ["a database refusing connections (55000)", prismaError({ kind: "postgres", code: "55000" })],
    ["a connection exception (class 08)", Object.assign(new Error("x"), { code: "08006" })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    [
      "pg's own wording, as a cause",
      new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }),
    ],
    ["Prisma failing to start", Object.assign(new Error("init"), { name: "PrismaClientInitializationError" })],
    [
      "a transaction that found no free connection in time (P2028)",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
    ],
  ])("is true for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError({ kind: "UniqueConstraintViolation" })],
    ["a syntax error (42601)", prismaError({ kind: "postgres", code: "42601" })],
    ["a plain error", new Error("boom")],
    ["not an error at all", "boom"],
  ])("is false for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("logConnectionErrors", () => {
  it("logs a dropped connection without the context of the step that opened it", () => {
    const contexts: LogContext[] = [];
    const client = new pg.Client();
    // pg emits 'error' in the async context the connection was made in: here, an earlier step's.
    withLogContext({ reference: "DSR-2026-000102", step: "collect:orders" }, () => {
      logConnectionErrors(client, "sources", () => contexts.push(currentLogContext()));
      client.emit("error", new Error("terminating connection due to administrator command"));
    });
    expect(contexts).toEqual([{}]);
  });
});
