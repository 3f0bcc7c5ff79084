import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSource } from "@/lib/requests/collect-source";
import { findDataSubjects } from "@/lib/requests/data-subject";
import { packageArchive } from "@/lib/requests/package-archive";
import { startCollection } from "@/lib/requests/start-collection";
import type { Company } from "@/lib/sources/company";
import { listSources, registerCompany } from "@/lib/sources/registry";
import { sourceDatabase } from "@/lib/sources/source-database";
import { sqlSource } from "@/lib/sources/sql-source";
import { createFilesystemStore } from "@/lib/storage/filesystem-store";
import { inspectArchive } from "./archive-inspection";
import { createApprovedRequest } from "./factories";

// A company other than the demo one plugs in without a change to core code: its own schema, its
// own resolver (members are found by email and known by their member number), its own sources,
// registered in one call. The portal then finds its customers and exports them.

const store = createFilesystemStore(mkdtempSync(path.join(os.tmpdir(), "portal-second-company-")));

const SCHEMA = `
  CREATE SCHEMA acme;
  CREATE TABLE acme.members (id serial PRIMARY KEY, member_no text UNIQUE NOT NULL, email text, name text, joined_on date NOT NULL,
                             loyalty_tier text, risk_note text, erased_at timestamptz);
  CREATE TABLE acme.visits (id bigserial PRIMARY KEY, member_id int NOT NULL REFERENCES acme.members(id), gym text NOT NULL,
                            visited_at timestamptz NOT NULL, erased_at timestamptz);
  INSERT INTO acme.members (member_no, email, name, joined_on, loyalty_tier, risk_note, erased_at) VALUES
    ('M-0007', 'pat@acme.example', 'Pat Doe', '2021-03-04', 'gold', 'ACME-RISK-NOTE late payer', NULL),
    ('M-0008', NULL, NULL, '2020-01-01', NULL, NULL, '2025-02-01');
  INSERT INTO acme.visits (member_id, gym, visited_at)
    SELECT m.id, 'Dublin Docklands', timestamptz '2024-01-01' + g * interval '1 day' FROM acme.members m, generate_series(1, 30) g;`;

const MEMBER = `t.member_id = (SELECT m.id FROM acme.members m WHERE m.member_no = $1 AND m.erased_at IS NULL)`;
const declaration = {
  categories: ["Membership data"],
  purposes: ["Running your membership"],
  legalBasis: "Contract (Art. 6(1)(b) GDPR)",
  recipients: ["Our hosting provider (processor)"],
  transfers: [],
  retention: "2 years after your membership ends",
  origin: "You, when you joined and visited",
};

const acme: Company = {
  key: "acme",
  resolver: {
    async findByEmail(email) {
      const { rows } = await sourceDatabase().query(
        `SELECT member_no AS id, name AS "displayName", joined_on::timestamptz AS "customerSince" FROM acme.members WHERE lower(email) = lower($1) AND erased_at IS NULL`,
        [email],
      );
      return rows;
    },
    async isErased(id) {
      return (
        (
          await sourceDatabase().query(`SELECT 1 FROM acme.members WHERE member_no = $1 AND erased_at IS NOT NULL`, [
            id,
          ])
        ).rows.length > 0
      );
    },
  },
  sources: () => [
    sqlSource({
      ...declaration,
      key: "membership",
      title: "Your membership",
      description: "Your member number, name and tier.",
      fields: { member_no: "Your member number", name: "Your name", tier: "Your loyalty tier" },
      query: {
        from: "acme.members t",
        subject: "t.member_no = $1",
        key: "t.id",
        columns: { member_no: "t.member_no", name: "t.name", tier: "t.loyalty_tier" },
      },
    }),
    sqlSource({
      ...declaration,
      key: "visits",
      title: "Gym visits",
      description: "Each time you checked in at one of our gyms.",
      fields: { gym: "Where you checked in", visited_at: "When" },
      query: {
        from: "acme.visits t",
        subject: MEMBER,
        key: "t.id",
        dateColumn: "t.visited_at",
        columns: { gym: "t.gym", visited_at: "t.visited_at" },
      },
    }),
  ],
};

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(SCHEMA);
  await client.end();
  registerCompany(acme);
});
afterAll(() => registerCompany(undefined));

describe("a second company, registered without touching core code", () => {
  it("finds its customer records through its own resolver, with what a reviewer needs to choose", async () => {
    expect(await findDataSubjects("PAT@acme.example")).toEqual([
      { id: "M-0007", displayName: "Pat Doe", customerSince: new Date("2021-03-04T00:00:00Z") },
    ]);
    expect(await findDataSubjects("alex@example.com")).toEqual([]);
    expect(listSources().map((s) => s.key)).toEqual(["membership", "visits"]);
  });

  it("exports its own sources into a complete archive, without the fields it did not declare", async () => {
    const request = await createApprovedRequest("pat@acme.example");
    const { sourceKeys } = await startCollection(request.id);
    expect(sourceKeys).toEqual(["membership", "visits"]);
    for (const key of sourceKeys) await collectSource(request.id, key, store);
    const archive = await packageArchive(request.id, store);
    const { manifest, text, entries } = await inspectArchive(
      store,
      `exports/${request.id}/${request.reference}.zip`,
      archive.sha256,
    );
    expect(manifest.subject).toEqual({ id: "M-0007", email: "pat@acme.example" });
    expect(manifest.sources.map((s) => [s.key, s.status, s.recordCount])).toEqual([
      ["membership", "DONE", 1],
      ["visits", "DONE", 30],
    ]);
    expect(entries.get("data/membership.json")!.toString()).toMatch(/"tier":\s*"gold"/);
    expect(text).not.toContain("ACME-RISK-NOTE"); // never declared, so it never leaves
    expect(entries.get("README.html")!.toString()).toContain("Gym visits");
  });

  it("exports nothing for a member it erased, from any source", async () => {
    for (const source of listSources()) {
      for await (const page of source.collect({ id: "M-0008", email: "" })) expect(page).toEqual([]);
    }
  });
});
