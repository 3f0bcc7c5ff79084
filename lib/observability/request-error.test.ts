import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { startLogCapture } from "@/test/log-capture";

// What Next.js passes to instrumentation.ts's onRequestError when a page render throws.
const failedRender = () =>
  [
    Object.assign(new Error("could not read anna@example.com's requests"), { digest: "2719480312" }),
    {
      path: "/privacy-center/requests/3f1c?token=dl_secret_token",
      method: "GET",
      headers: { "x-request-id": "req-7a1b", cookie: "authjs.session-token=abc" },
    },
    { routerKind: "App Router", routePath: "/privacy-center/requests/[id]", routeType: "render" },
  ] as unknown as Parameters<typeof onRequestError>;

describe("an error while serving a request", () => {
  let logs: ReturnType<typeof startLogCapture> | undefined;
  afterEach(() => {
    logs?.stop();
    vi.unstubAllEnvs();
  });

  it("is one JSON line with the request's id and route, without its token, cookie or address", async () => {
    logs = startLogCapture();
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    await onRequestError(...failedRender());
    const [line] = logs.entries();
    expect(line).toMatchObject({
      level: "error",
      module: "next",
      msg: "request failed",
      requestId: "req-7a1b",
      method: "GET",
      path: "/privacy-center/requests/3f1c",
      route: "/privacy-center/requests/[id]",
      routeType: "render",
      digest: "2719480312",
    });
    expect(logs.raw().join("\n")).not.toMatch(/dl_secret_token|session-token|anna@example\.com/);
  });

  it("is left to the Edge runtime's own handling there", async () => {
    logs = startLogCapture();
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await onRequestError(...failedRender());
    expect(logs.raw()).toEqual([]);
  });
});
