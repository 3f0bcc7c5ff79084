import { afterAll, describe, expect, it } from "vitest";
import { startFakeStripe } from "@/test/fakes/stripe-server";
import type { ExportRecord } from "../types";
import { stripeSource } from "./stripe-source";

// Customers the company stored a Stripe id for are found besides those with the subject's email;
// one Stripe has deleted since holds nothing any more, and is skipped without an error.

const stripe = await startFakeStripe();
afterAll(() => stripe.close());

const JORDAN = "cus_Q00030"; // test/fakes/stripe-server.ts: cus_Q + the last four of the customer id + the plan index
const ERIN_DELETED = "cus_Q00050";

const source = stripeSource({
  key: "stripe",
  title: "Card payments (Stripe)",
  description: "What Stripe holds about you.",
  categories: ["Financial data"],
  purposes: ["Taking payment"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR)",
  recipients: ["Stripe (processor)"],
  transfers: [{ recipient: "Stripe, Inc.", country: "United States", safeguard: "ADEQUACY_DECISION" }],
  retention: "10 years",
  origin: "You",
  config: { secretKey: stripe.token, apiBase: stripe.baseUrl },
  storedCustomerIds: async () => [JORDAN, ERIN_DELETED],
});

async function collect(email: string) {
  const records: ExportRecord[] = [];
  for await (const page of source.collect({ id: "ignored", email })) records.push(...page);
  return records;
}

describe("a Stripe source with stored customer ids", () => {
  it("reads the stored customers and skips one Stripe deleted", async () => {
    const records = await collect("");
    expect(records.filter((r) => r.kind === "customer").map((r) => r.stripe_id)).toEqual([JORDAN]);
    expect(records).toHaveLength(1 + 6 + 2 + 1);
  });

  it("does not read a customer twice when it is found by email too", async () => {
    const records = await collect("jordan@example.com");
    expect(records.filter((r) => r.kind === "customer")).toHaveLength(1);
  });
});
