import { describe, expect, it } from "vitest";
import { rateLimitKeyOf } from "./client-network";

describe("rateLimitKeyOf", () => {
  it("counts an IPv4 address as itself, also when a dual-stack socket reports it mapped", () => {
    expect(rateLimitKeyOf("198.51.100.9")).toBe("198.51.100.9");
    expect(rateLimitKeyOf("::ffff:198.51.100.9")).toBe("198.51.100.9");
  });

  it("counts every address of one IPv6 /64 as one network, and another /64 apart", () => {
    const key = rateLimitKeyOf("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(rateLimitKeyOf("2001:0db8:0001:0002:dead:beef:0:7")).toBe(key);
    expect(rateLimitKeyOf("2001:db8:1:3::1")).not.toBe(key);
  });

  it("leaves what is no address as it is", () => {
    expect(rateLimitKeyOf("unknown")).toBe("unknown");
  });
});
