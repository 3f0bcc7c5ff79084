import { demoCustomers } from "@/prisma/demo-company/customers";

// What the outside services hold about the demo company's customers (prisma/demo-company/), in
// each service's own terms: Stripe and Intercom know them by email, the analytics service by the
// customer id the app identifies users with. Deterministic, so tests can count on it.
//
// Alex has a lot everywhere (more than 10 000 analytics events); Sam nothing; Erin was erased by
// the company: Stripe deleted her customer and Intercom her contact, but the analytics service
// still holds her events (the erasure has not reached it), which must never be exported again.

export type OutsideHistory = {
  stripeCustomers: { charges: number; invoices: number; subscriptions: number; deleted?: boolean }[];
  conversations: number;
  tags: string[];
  analyticsEvents: number;
};

const NONE: OutsideHistory = { stripeCustomers: [], conversations: 0, tags: [], analyticsEvents: 0 };
const MODEST: OutsideHistory = {
  stripeCustomers: [{ charges: 6, invoices: 2, subscriptions: 1 }],
  conversations: 3,
  tags: ["Newsletter"],
  analyticsEvents: 40,
};

const HISTORY: Record<string, OutsideHistory> = {
  "alex@example.com": {
    // An old Stripe customer from before a card change, and the current one.
    stripeCustomers: [
      { charges: 3, invoices: 0, subscriptions: 1 },
      { charges: 250, invoices: 24, subscriptions: 2 },
    ],
    conversations: 45,
    tags: ["VIP", "Beta tester"],
    analyticsEvents: 10_500,
  },
  "jordan@example.com": MODEST,
  "casey@example.com": MODEST,
  "erased@example.com": {
    ...NONE,
    stripeCustomers: [{ charges: 4, invoices: 1, subscriptions: 0, deleted: true }],
    analyticsEvents: 25,
  },
};

export type OutsideCustomer = {
  externalId: string;
  email: string;
  name: string;
  country: string;
  history: OutsideHistory;
};

export function outsideCustomers(): OutsideCustomer[] {
  return demoCustomers(0).map((c) => ({
    externalId: c.externalId,
    email: c.email,
    name: c.name,
    country: c.country,
    history: HISTORY[c.email] ?? NONE,
  }));
}

/** Records a source should export for this customer, as the connectors (lib/sources/http/) count them. */
export function expectedOutsideRecords(email: string): Record<"stripe" | "intercom" | "analytics", number> {
  const history = HISTORY[email] ?? NONE;
  const live = history.stripeCustomers.filter((c) => !c.deleted);
  return {
    stripe: live.reduce((sum, c) => sum + 1 + c.charges + c.invoices + c.subscriptions, 0),
    intercom: history.conversations > 0 || history.tags.length > 0 ? 1 + history.conversations : 0,
    analytics: history.analyticsEvents,
  };
}

/** Seconds since the epoch, `step` hours apart from 2024-01-01, for customer `n`'s item `i`. */
export function seedTime(n: number, i: number, stepHours = 1): number {
  return Date.UTC(2024, 0, 1) / 1000 + n * 60 + i * stepHours * 3600;
}
