import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startLogCapture } from "@/test/log-capture";
import { captureLogs, logger } from "./logger";

function capturedLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  captureLogs({ write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return lines;
}

afterEach(() => captureLogs(undefined));

describe("the logger's error serializer", () => {
  it("leaves out the pg Client a dropped connection's error carries, and keeps the error's facts", () => {
    const lines = capturedLines();
    // What pg emits when the server ends a pooled connection (57P01): the error, with its Client.
    const client = new pg.Client({ connectionString: "postgresql://portal:hunter2@db.internal:5432/portal" });
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      severity: "FATAL",
      client,
    });
    logger({ module: "db" }).warn({ err: error }, "lost a database connection");
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ code: "57P01", severity: "FATAL", message: error.message });
    expect(err).not.toHaveProperty("client");
    expect(JSON.stringify(lines[0])).not.toMatch(/secretKey|connectionParameters|db\.internal/);
  });
});

describe("logged errors", () => {
  let logs: ReturnType<typeof startLogCapture> | undefined;
  afterEach(() => logs?.stop());

  it("keep their message, code and cause, not the objects a library hangs on them", () => {
    logs = startLogCapture();
    // As node-postgres does on a lost connection: the whole client rides on the error.
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      client: { connectionParameters: { user: "postgres", host: "127.0.0.1" }, _queryQueue: [] },
      cause: new Error("socket closed"),
    });
    logger({ module: "db" }).warn({ err: error }, "lost a database connection");
    const err = logs.entries()[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: "Error", code: "57P01", message: expect.stringContaining("terminating") });
    expect(err).not.toHaveProperty("client");
    expect(err.stack).toContain("socket closed"); // pino writes the cause into the stack
  });
});
