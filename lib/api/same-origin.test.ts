import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { assertJsonBody, assertSameOriginWrite } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/v1/exports", {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
  });

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe("cookie-authenticated writes", () => {
  it("are refused from another site, whichever header says so", () => {
    expect(refusal(() => assertSameOriginWrite(post({ origin: "https://evil.example" })))).toBe(
      "403 cross_site_request",
    );
    expect(
      refusal(() => assertSameOriginWrite(post({ "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }))),
    ).toBe("403 cross_site_request");
    expect(refusal(() => assertSameOriginWrite(post({ "sec-fetch-site": "same-site" })))).toBe(
      "403 cross_site_request",
    );
    expect(refusal(() => assertSameOriginWrite(post({ origin: "null" })))).toBe("403 cross_site_request");
    expect(refusal(() => assertSameOriginWrite(post({})))).toBe("403 cross_site_request");
  });

  it("are accepted from the portal's own pages, also behind a TLS proxy or at the configured URL", () => {
    expect(refusal(() => assertSameOriginWrite(post({ origin: "http://localhost:3000" })))).toBeUndefined();
    expect(refusal(() => assertSameOriginWrite(post({ "sec-fetch-site": "same-origin" })))).toBeUndefined();
    // A form on a no-referrer page: the browser sends Origin: null but Fetch Metadata still vouches.
    expect(
      refusal(() => assertSameOriginWrite(post({ "sec-fetch-site": "same-origin", origin: "null" }))),
    ).toBeUndefined();
    expect(refusal(() => assertSameOriginWrite(post({ origin: "https://localhost:3000" })))).toBeUndefined();
    expect(
      refusal(() =>
        assertSameOriginWrite(post({ origin: "https://privacy.example.com" }), ["https://privacy.example.com/"]),
      ),
    ).toBeUndefined();
  });

  it("need a JSON body; reads need neither", () => {
    expect(refusal(() => assertJsonBody(post({ "content-type": "text/plain" })))).toBe("415 unsupported_media_type");
    expect(refusal(() => assertJsonBody(post({ "content-type": "application/x-www-form-urlencoded" })))).toBe(
      "415 unsupported_media_type",
    );
    expect(refusal(() => assertJsonBody(post({ "content-type": "application/json; charset=utf-8" })))).toBeUndefined();
    const read = new Request("http://localhost:3000/api/v1/exports/1", { headers: { origin: "https://evil.example" } });
    expect(refusal(() => assertSameOriginWrite(read))).toBeUndefined();
    expect(refusal(() => assertJsonBody(read))).toBeUndefined();
  });
});
