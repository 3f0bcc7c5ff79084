import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKER_NODE_FLAGS } from "./worker-process";

describe("the worker's process", () => {
  it("`npm run worker` starts it with the same node flags as `npm start` does", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.worker).toContain(`node ${WORKER_NODE_FLAGS.join(" ")} .build/worker.mjs`);
  });
});
