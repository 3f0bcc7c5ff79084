import { scanningPages } from "@/lib/disclosure/scan-pages";
import type { SerializedPage } from "@/lib/sources/types";

// Issue #19: the cost of the Art. 15(4) scan per 10 000 free-text records, in process: support
// tickets with a subject and two messages each, as the demo seed writes them, one in a hundred
// naming another customer by name, email and phone. The resolver's name lookup is answered in
// memory here; in production it is one indexed query per page of 1 000 records.

const PAGE = 1000;

function ticket(i: number): string {
  const mention = i % 100 === 0 ? " My flatmate Casey Kim (casey@example.com, +49 30 901820) paid for it." : "";
  return JSON.stringify({
    ticket_id: i,
    subject: `Payout delayed #${i}`,
    status: "open",
    created_at: "2024-03-05T06:07:08.123Z",
    messages: [
      {
        author: "customer",
        sent_at: "2024-03-05T08:07:08.123Z",
        body: `Hello, I have a question about Payout delayed #${i} (message 1).${mention}`,
      },
      {
        author: "agent",
        sent_at: "2024-03-05T10:07:08.123Z",
        body: `Thanks for reaching out, we are looking into Payout delayed #${i}.`,
      },
    ],
  });
}

export type DisclosureScanCost = { records: number; texts: number; findings: number; medianMs: number };

export async function measureDisclosureScan(records = 10_000, rounds = 5): Promise<DisclosureScanCost> {
  const lines = Array.from({ length: records }, (_, i) => ticket(i));
  async function* pages(): AsyncGenerator<SerializedPage> {
    for (let i = 0; i < records; i += PAGE)
      yield { records: Math.min(PAGE, records - i), json: lines.slice(i, i + PAGE).join("\n") + "\n" };
  }
  const times: number[] = [];
  let findings = 0;
  for (let round = 0; round < rounds; round += 1) {
    findings = 0;
    const started = performance.now();
    const scan = scanningPages(pages(), {
      freeTextFields: ["subject", "messages[].body"],
      own: { emails: new Set(["alex@example.com"]), phones: new Set() },
      defaultCountry: "IE",
      findOtherCustomersNamed: async (names) => names.filter((name) => name === "casey kim"),
      keep: async (found) => void (findings += found.length),
    });
    for await (const page of scan) void page;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { records, texts: records * 3, findings, medianMs: Math.round(times[Math.floor(times.length / 2)]!) };
}
