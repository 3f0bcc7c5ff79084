import { describe, expect, it } from "vitest";
import { clientIpFrom, PEER_ADDRESS_HEADER, type ProxyTrust } from "./client-ip";

const direct: ProxyTrust = { hops: 0, onVercel: false, peerAddressStamped: true };
const behindOneProxy: ProxyTrust = { hops: 1, onVercel: false, peerAddressStamped: true };

const request = (headers: Record<string, string>) => new Headers(headers);

describe("the client's IP address", () => {
  it("with no trusted proxy (hops 0) is the TCP peer, whatever X-Forwarded-For claims", () => {
    const forged = request({
      [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.7",
      "x-forwarded-for": "203.0.113.66",
      "x-real-ip": "203.0.113.67",
    });
    expect(clientIpFrom(forged, direct)).toBe("198.51.100.7");
    expect(clientIpFrom(request({ [PEER_ADDRESS_HEADER]: "2001:db8::1" }), direct)).toBe("2001:db8::1");
  });

  it("is unknown when the peer address was not stamped by our server, rather than the client's claim", () => {
    const forged = request({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.66" });
    expect(clientIpFrom(forged, { ...direct, peerAddressStamped: false })).toBeNull();
  });

  it("behind one proxy (hops 1) is the entry that proxy appended, not the ones the client wrote", () => {
    const headers = request({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "203.0.113.66, 203.0.113.99, 198.51.100.7",
    });
    expect(clientIpFrom(headers, behindOneProxy)).toBe("198.51.100.7");
    expect(clientIpFrom(headers, { ...behindOneProxy, hops: 2 })).toBe("203.0.113.99");
    // A request that reached the app without passing the proxy: the leftmost is all we know.
    expect(clientIpFrom(request({ "x-forwarded-for": "198.51.100.7" }), { ...behindOneProxy, hops: 3 })).toBe(
      "198.51.100.7",
    );
    // No X-Forwarded-For at all: the peer.
    expect(clientIpFrom(request({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), behindOneProxy)).toBe("10.0.0.2");
  });

  it("is null, not garbage, when the trusted entry is not an IP address", () => {
    expect(clientIpFrom(request({ "x-forwarded-for": "1.2.3.4, <script>" }), behindOneProxy)).toBeNull();
    expect(clientIpFrom(request({ [PEER_ADDRESS_HEADER]: "" }), direct)).toBeNull();
  });

  it("on Vercel is the platform's own header", () => {
    const headers = request({ "x-vercel-forwarded-for": "198.51.100.7", "x-forwarded-for": "203.0.113.66" });
    expect(clientIpFrom(headers, { hops: 0, onVercel: true, peerAddressStamped: false })).toBe("198.51.100.7");
  });
});
