import type { ArchiveInput } from "../archive-input";
import { stageSourceRecords } from "../staging";
import { stagingKey } from "../storage-keys";
import { fakeSource, pagesOf } from "./fake-sources";
import type { MemoryBlobStore } from "./memory-blob-store";

export const ORDER_COUNT = 25_000;
/** A value only the collector's extra column carries; it must never reach the archive. */
export const LEAKED_SECRET = "pbkdf2_sha256$600000$NEVER-EXPORT-ME";

export const orders = fakeSource({
  key: "orders",
  title: "Orders",
  description: "Everything you bought from us.",
  recipients: ["Payment processor (Stripe)"],
  fields: {
    id: "Order number",
    placed_at: "When you placed the order (UTC)",
    total_cents: "Amount charged, in cents",
    note: "The note you left at checkout",
    items: "What the order contained",
  },
});

export const tickets = fakeSource({
  key: "support_tickets",
  title: "Support tickets",
  description: "Conversations with our support team.",
  fields: { id: "Ticket number", subject: "Subject line", opened_at: "When you wrote to us" },
});

export const analytics = fakeSource({
  key: "analytics",
  title: "Product analytics",
  description: "How you use our app.",
  fields: { event: "What happened", at: "When" },
});

/**
 * Stages `orderCount` orders in pages of 1 000 (each with a secret column the collector should
 * not have selected) and an empty ticket history; the analytics source failed.
 */
export async function stageFixture(
  store: MemoryBlobStore,
  orderCount = ORDER_COUNT,
  requestId = "req_1",
): Promise<ArchiveInput> {
  const staged = await stageSourceRecords(
    store,
    stagingKey(requestId, orders.key),
    orders,
    pagesOf(orderCount, 1_000, (i) => ({
      id: i + 1,
      placed_at: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
      total_cents: 1999 + i,
      note: i === 7 ? '=HYPERLINK("http://evil.example","click")' : i === 8 ? "<script>alert(1)</script>" : `note ${i}`,
      items: [{ sku: `SKU-${i % 10}`, qty: 1 + (i % 3) }],
      password_hash: LEAKED_SECRET,
    })),
  );
  const empty = await stageSourceRecords(
    store,
    stagingKey(requestId, tickets.key),
    tickets,
    pagesOf(0, 1_000, () => ({})),
  );
  return {
    request: {
      id: requestId,
      reference: "DSR-2026-000123",
      type: "ACCESS",
      submittedAt: new Date("2026-03-01T09:30:00Z"),
      formats: ["JSON", "CSV"],
    },
    subject: { id: "cus_42", email: "ada@example.com", name: "Ada Lovelace" },
    controller: {
      name: "StreamPay Ltd",
      contactEmail: "privacy@streampay.example",
      address: "1 Example Street, Dublin",
      dpoEmail: "dpo@streampay.example",
      supervisoryAuthority: { name: "Data Protection Commission", url: "https://www.dataprotection.ie/" },
    },
    generatedAt: new Date("2026-03-02T10:00:00Z"),
    sources: [
      {
        source: orders,
        status: "DONE",
        recordCount: staged.recordCount,
        stagingKey: stagingKey(requestId, orders.key),
        files: staged.files,
      },
      {
        source: tickets,
        status: "DONE",
        recordCount: empty.recordCount,
        stagingKey: stagingKey(requestId, tickets.key),
        files: empty.files,
      },
      { source: analytics, status: "FAILED", recordCount: 0, error: "The analytics service did not answer." },
    ],
  };
}
