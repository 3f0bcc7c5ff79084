import { afterEach, describe, expect, it } from "vitest";
import { startLogCapture } from "@/test/log-capture";
import { logger } from "./logger";

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
