import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { prettyStream } from "./pretty-log";

describe("the dev log (LOG_FORMAT=pretty)", () => {
  it("writes one line per event, led by the process, with the fields on the same line", () => {
    let out = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = pino({ base: { process: "worker", pid: 1 } }, prettyStream(sink, false));
    log.info({ reference: "DSR-2026-000100", step: "collect:orders", durationMs: 12 }, "step finished");
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO: \[worker\] step finished .*"step":"collect:orders"/);
    expect(lines[0]).not.toContain('"process"');
  });
});
