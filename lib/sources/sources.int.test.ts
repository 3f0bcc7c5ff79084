import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { serializeRecordPages, stageSerializedPages } from "@/lib/export/staging";
import { MemoryBlobStore } from "@/lib/export/testing/memory-blob-store";
import { readStagedFiles } from "@/lib/export/testing/staged-files";
import { seedDemoCompany, type DemoCompanySummary } from "@/prisma/demo-company";
import { expectedOutsideRecords } from "@/test/fakes/outside-seed";
import { startOutsideServiceFakes } from "@/test/fakes/outside-services";
import { parseFreeTextPath } from "@/lib/disclosure/free-text";
import { listSources } from "./registry";
import {
  TRANSFER_SAFEGUARDS,
  type DataSource,
  type DataSubject,
  type ExportRecord,
  type SerializedPage,
} from "./types";

// The conformance test every registered source passes: a company adding its own source gets
// these checks for free. The outside services run as local fakes speaking their real APIs.

const fakes = await startOutsideServiceFakes();
Object.assign(process.env, fakes.env);
reloadEnv();
afterAll(() => fakes.close());
const SOURCES = listSources();

const ALEX = { id: "cus_000001", email: "alex@example.com" };
const SAM = { id: "cus_000002", email: "sam@example.com" };
const JORDAN = { id: "cus_000003", email: "jordan@example.com" };
const ERIN = { id: "cus_000005", email: "erased@example.com" };

// Values the seed puts in columns that must never leave the company.
const SECRETS = ["sk_live_", "$argon2id$", "INTERNAL", "fp_secret_", "agent note", "exp_year", "198.51.100."];

// For the demo sources: the table whose live rows each one exports, to check counts against.
const DEMO_TABLES: Record<string, string> = {
  profile: "customers",
  orders: "orders",
  activity: "activity_log",
  support: "support_tickets",
  preferences: "user_preferences",
  billing: "payments",
  streams: "streams",
  payouts: "payouts",
};

let summary: DemoCompanySummary;
beforeAll(async () => {
  summary = await seedDemoCompany(process.env.DATABASE_URL!);
});

async function collectAll(
  source: DataSource,
  subject: typeof ALEX,
  pageSize: number,
  range?: { from?: Date; to?: Date },
) {
  const records: ExportRecord[] = [];
  let pages = 0;
  for await (const page of source.collect(subject, { pageSize, range })) {
    expect(page.length).toBeLessThanOrEqual(pageSize);
    records.push(...page);
    pages += 1;
  }
  return { records, pages };
}

/** What staging holds for `pages`, read back: the JSON file as values, CSV cells (header aside) with objects and arrays as values. */
async function stagedValues(source: DataSource, pages: AsyncIterable<SerializedPage>) {
  const store = new MemoryBlobStore();
  const staged = await stageSerializedPages(store, "k.ndjson", source, pages);
  const files = await readStagedFiles(store, staged);
  const asValue = (cell: string) => (/^[[{]/.test(cell) ? (JSON.parse(cell) as unknown) : cell);
  const cells = (parse(files.csv, { bom: true }) as string[][]).slice(1).map((row) => row.map(asValue));
  return { recordCount: staged.recordCount, records: JSON.parse(files.json) as unknown, cells };
}

async function bothPaths(source: DataSource, subject: DataSubject) {
  const serialized = await source.serialize!(subject, { csv: true });
  return {
    database: serialized && (await stagedValues(source, serialized)),
    records: await stagedValues(source, serializeRecordPages(source, source.collect(subject), true)),
  };
}

describe.each(SOURCES.map((source) => [source.key, source] as const))("source %s", (key, source) => {
  it("declares everything Art. 15(1) asks us to tell", () => {
    for (const text of [source.title, source.description, source.legalBasis, source.retention, source.origin])
      expect(text.length).toBeGreaterThan(3);
    for (const list of [source.categories, source.purposes, source.recipients]) expect(list.length).toBeGreaterThan(0);
    expect(Object.keys(source.fields).length).toBeGreaterThan(0);
    expect(key).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
  });

  it("declares its transfers outside the EEA (Art. 15(2)), [] meaning none, and how its count is obtained", () => {
    // The type requires both; this catches a declaration built around the type (JSON, a cast).
    expect(Array.isArray(source.transfers), "transfers must be declared, [] when there are none").toBe(true);
    for (const transfer of source.transfers) {
      expect(transfer.recipient.length).toBeGreaterThan(3);
      expect(transfer.country.length).toBeGreaterThan(1);
      expect(TRANSFER_SAFEGUARDS).toContain(transfer.safeguard);
    }
    expect(["DATABASE_ROWS", "API_PAGES"]).toContain(source.counting?.method);
  });

  it("marks as free text only fields it exports (Art. 15(4) review, lib/disclosure)", () => {
    for (const path of source.freeTextFields ?? [])
      expect(Object.keys(source.fields)).toContain(parseFreeTextPath(path).field);
  });

  it("finds nothing for a subject with no history, or one erased under Art. 17", async () => {
    if (key !== "profile") expect((await collectAll(source, SAM, 50)).records).toEqual([]);
    expect((await collectAll(source, ERIN, 50)).records).toEqual([]);
  });

  it("pages through the whole history with no row lost or repeated, and only live rows of this subject", async () => {
    const small = await collectAll(source, ALEX, 97);
    const whole = await collectAll(source, ALEX, 1_000_000);
    expect(small.records).toEqual(whole.records);
    const table = DEMO_TABLES[key];
    if (table) expect(whole.records).toHaveLength(summary[ALEX.email]![table]!.live);
    const outside = expectedOutsideRecords(ALEX.email)[key as keyof ReturnType<typeof expectedOutsideRecords>];
    if (outside !== undefined) expect(whole.records).toHaveLength(outside);
    expect(table !== undefined || outside !== undefined).toBe(true);
    if (whole.records.length > 97) expect(small.pages).toBeGreaterThan(1);
  });

  it("exports exactly its declared fields and never a secret column", async () => {
    const { records } = await collectAll(source, ALEX, 1000);
    const { records: jordans } = await collectAll(source, JORDAN, 1000);
    for (const record of [...records, ...jordans])
      expect(Object.keys(record).sort()).toEqual(Object.keys(source.fields).sort());
    const text = JSON.stringify([records, jordans]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe.each(SOURCES.filter((source) => source.serialize).map((source) => [source.key, source] as const))(
  "source %s, serialised by its database",
  (_key, source) => {
    it("stages the same records when its database serialises them as when it collects them", async () => {
      for (const subject of [ALEX, JORDAN, SAM, ERIN]) {
        const { database, records } = await bothPaths(source, subject);
        // Every demo table's columns have a known rendering, so none falls back to the record path.
        expect(database).toBeDefined();
        expect(database).toEqual(records);
      }
    });
  },
);

describe("the outside services", () => {
  it("are all registered when their credentials are set", () => {
    expect(SOURCES.map((s) => s.key)).toEqual(expect.arrayContaining(["stripe", "intercom", "analytics"]));
    expect(SOURCES).toHaveLength(11);
  });

  it("are read page by page through each API's own cursor", async () => {
    const before = {
      stripe: fakes.stripe.requests.length,
      intercom: fakes.intercom.requests.length,
      analytics: fakes.analytics.requests.length,
    };
    for (const key of ["stripe", "intercom", "analytics"])
      await collectAll(
        SOURCES.find((s) => s.key === key)!,
        ALEX,
        1_000_000,
      );
    // Stripe lists 100 at most: Alex's 250 charges take three pages; Intercom 50 conversations a
    // page, plus one request per conversation; the analytics API 1 000 events a page.
    expect(
      fakes.stripe.requests.slice(before.stripe).filter((r) => r.path === "/v1/charges").length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      fakes.intercom.requests.slice(before.intercom).filter((r) => r.path === "/conversations/search"),
    ).toHaveLength(1);
    expect(fakes.analytics.requests.length - before.analytics).toBe(11);
  });

  it("show a card only by brand and last four digits, and leave internal notes out", async () => {
    const stripe = await collectAll(
      SOURCES.find((s) => s.key === "stripe")!,
      ALEX,
      1000,
    );
    const charge = stripe.records.find((r) => r.kind === "charge")!;
    expect(charge).toMatchObject({
      card_brand: expect.stringMatching(/visa|mastercard/),
      card_last4: expect.stringMatching(/^\d{4}$/),
    });
    const intercom = await collectAll(
      SOURCES.find((s) => s.key === "intercom")!,
      ALEX,
      1000,
    );
    expect(intercom.records[0]).toMatchObject({ kind: "contact", email: ALEX.email, tags: ["VIP", "Beta tester"] });
    const messages = intercom.records[1]!.messages as { author: string }[];
    expect(messages.map((m) => m.author)).toEqual(["you", "our team", "you"]);
  });

  it("apply the customer's date range", async () => {
    const from = new Date("2024-01-05T00:00:00Z");
    const to = new Date("2024-01-08T00:00:00Z");
    for (const key of ["stripe", "intercom", "analytics"]) {
      const { records } = await collectAll(
        SOURCES.find((s) => s.key === key)!,
        ALEX,
        500,
        { from, to },
      );
      const dated = records.filter((r) => r.kind !== "customer" && r.kind !== "contact");
      expect(dated.length, key).toBeGreaterThan(0);
      for (const record of dated) {
        const at = new Date((record.occurred_at ?? record.created_at) as string);
        expect(at >= from && at < to, `${key} ${at.toISOString()}`).toBe(true);
      }
    }
  });
});

describe("the demo sources together", () => {
  it("export more than 10 000 records for Alex, and none of Alex's erased rows", async () => {
    let total = 0;
    const texts: string[] = [];
    for (const source of SOURCES) {
      const { records } = await collectAll(source, ALEX, 1000);
      total += records.length;
      texts.push(JSON.stringify(records));
    }
    expect(total).toBeGreaterThan(10_000);
    const all = texts.join();
    expect(all).not.toMatch(/"sequence":(340|680|8840)[,}]/); // erased activity rows
    expect(all).not.toContain("SP-1-00100"); // erased orders
    expect(all).not.toContain("SP-3-"); // Jordan's orders
  });

  it("apply the customer's date range", async () => {
    const activity = SOURCES.find((s) => s.key === "activity")!;
    const from = new Date("2024-01-05T00:00:00Z");
    const to = new Date("2024-01-06T00:00:00Z");
    const { records } = await collectAll(activity, ALEX, 100, { from, to });
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const at = new Date(record.occurred_at as string);
      expect(at >= from && at < to).toBe(true);
    }
  });
});
