import { afterEach, describe, expect, it } from "vitest";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import "@/scripts/peer-address.mjs"; // this process serves as the Next.js server would: peer stamped
import { authConfig } from "./config";
import { SignInLimitError } from "./sign-in-refusal";

// "30 sign-in emails with 30 forged addresses all went out": the per-IP cap counts the address
// the portal can trust, whatever X-Forwarded-For says (TRUSTED_PROXY_HOPS, lib/http/client-ip.ts).

async function requestLink(email: string, headers: Record<string, string>) {
  const provider = authConfig().providers[0] as EmailConfig;
  const url = `http://localhost:3000/api/auth/callback/email?${new URLSearchParams({ token: "t", email })}`;
  const request = new Request("http://localhost:3000/api/auth/signin/email", { method: "POST", headers });
  const params = {
    identifier: email,
    url,
    request,
    token: "t",
    expires: new Date(Date.now() + 60_000),
    provider,
    theme: {},
  };
  return provider.sendVerificationRequest(params as Parameters<EmailConfig["sendVerificationRequest"]>[0]);
}

async function sendUntilRefused(batch: string, headersFor: (i: number) => Record<string, string>) {
  let sent = 0;
  for (let i = 0; i < 30; i++) {
    try {
      await requestLink(`${batch}-${i}@example.com`, headersFor(i));
      sent += 1;
    } catch (error) {
      expect(error).toBeInstanceOf(SignInLimitError);
      return sent;
    }
  }
  return sent;
}

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  reloadEnv();
});

describe("sign-in emails per IP", () => {
  it("with no trusted proxy, count the TCP peer: forged X-Forwarded-For addresses do not reset the cap", async () => {
    const sent = await sendUntilRefused("direct", (i) => ({
      [PEER_ADDRESS_HEADER]: "198.51.100.9",
      "x-forwarded-for": `203.0.113.${i}`,
    }));
    expect(sent).toBe(20);
    const recorded = await db.auditEvent.findMany({
      where: {
        action: "auth.sign_in_link_requested",
        actorEmail: "auth",
        metadata: { path: ["email"], string_starts_with: "direct-" },
      },
      select: { ip: true },
    });
    expect(new Set(recorded.map((event) => event.ip))).toEqual(new Set(["198.51.100.9"]));
  });

  it("counts an IPv6 client by its /64: fresh addresses from one network do not reset the cap", async () => {
    const sent = await sendUntilRefused("ipv6", (i) => ({ [PEER_ADDRESS_HEADER]: `2001:db8:1:2::${i + 1}` }));
    expect(sent).toBe(20);
  });

  it("behind one trusted proxy, count the address that proxy appended, not the ones the client wrote", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    reloadEnv();
    const sent = await sendUntilRefused("proxied", (i) => ({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": `203.0.113.${i}, 198.51.100.20`,
    }));
    expect(sent).toBe(20);
  });
});
