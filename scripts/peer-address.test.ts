import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom, PEER_ADDRESS_HEADER, peerAddressStamped } from "@/lib/http/client-ip";
import "./peer-address.mjs";

// The preload the Next.js server runs with: a real HTTP server, a client that forges headers.
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) headers.set(name, String(value));
    res.end(
      JSON.stringify({
        ip: clientIpFrom(headers, { hops: 0, onVercel: false, peerAddressStamped: peerAddressStamped() }),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the peer-address preload", () => {
  it("overwrites a client's forged peer header and X-Forwarded-For cannot move the address", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url, {
        headers: { [PEER_ADDRESS_HEADER]: `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}` },
      });
      expect(await response.json()).toEqual({ ip: "127.0.0.1" });
    }
  });
});
