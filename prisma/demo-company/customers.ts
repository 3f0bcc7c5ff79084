import { type Conversation, type HistorySize, NO_HISTORY } from "./history";

// The demo company's customers. Emails match the portal's demo accounts (lib/demo/accounts.ts).

export type DemoCustomer = {
  externalId: string;
  email: string;
  name: string;
  country: string;
  history: HistorySize;
  /** A support conversation of its own, written out, after the generated history. */
  conversation?: Conversation;
  /** Executed as an Art. 17 erasure after seeding. */
  erased?: boolean;
};

/** A few dozen rows in every table: a typical customer with some history. */
export const MODEST_HISTORY: HistorySize = {
  activity: 40,
  orders: 12,
  payments: 10,
  streams: 5,
  payouts: 4,
  tickets: 3,
  messagesPerTicket: 3,
  preferences: true,
};

export function demoCustomers(activityRows: number): DemoCustomer[] {
  return [
    {
      externalId: "cus_000001",
      email: "alex@example.com",
      name: "Alex Morgan",
      country: "IE",
      // About 10 000 rows across every table.
      history: {
        activity: 9000,
        orders: 600,
        payments: 300,
        streams: 200,
        payouts: 150,
        tickets: 40,
        messagesPerTicket: 5,
        preferences: true,
      },
    },
    { externalId: "cus_000002", email: "sam@example.com", name: "Sam Rivera", country: "ES", history: NO_HISTORY },
    {
      externalId: "cus_000003",
      email: "jordan@example.com",
      name: "Jordan Lee",
      country: "DE",
      history: MODEST_HISTORY,
    },
    { externalId: "cus_000004", email: "casey@example.com", name: "Casey Kim", country: "FR", history: MODEST_HISTORY },
    {
      externalId: "cus_000005",
      email: "erased@example.com",
      name: "Erin Erased",
      country: "NL",
      history: MODEST_HISTORY,
      erased: true,
    },
    {
      externalId: "cus_000006",
      email: "heavy@example.com",
      name: "Heavy User",
      country: "IE",
      history: { ...NO_HISTORY, activity: activityRows },
    },
    {
      // Art. 15(4): Robin's ticket names Sam, another customer, so Robin's access request waits
      // for a reviewer in "review before release" (docs/art-15-4-review.md).
      externalId: "cus_000007",
      email: "robin@example.com",
      name: "Robin Novak",
      country: "IE",
      history: MODEST_HISTORY,
      conversation: {
        subject: "Refund for a shared plan",
        createdAt: "2024-03-05T10:00:00Z",
        messages: [
          {
            author: "customer",
            body:
              "My flatmate Sam Rivera paid for our shared plan in March. " +
              "Please send the refund to his account, sam@example.com.",
          },
          { author: "agent", body: "Thanks for reaching out, we are looking into the refund for the shared plan." },
        ],
      },
    },
  ];
}
