import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { metricNames } from "./registry";

// The operations guide, its alert rules and the sample dashboard name only metrics that exist,
// and the guide describes every one.

const guide = readFileSync("docs/operations.md", "utf8");
const dashboard = readFileSync("docs/grafana-dashboard.json", "utf8");
const mentioned = (text: string) =>
  new Set([...text.matchAll(/\bportal_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, "")));

describe("the metrics' documentation", () => {
  it("describes every metric in docs/operations.md", () => {
    for (const name of metricNames()) expect(guide, name).toContain(`| \`${name}\` |`);
  });

  it("uses no metric that does not exist, in the guide's alert rules or the dashboard", () => {
    const names = new Set(metricNames());
    for (const name of [...mentioned(guide), ...mentioned(dashboard)]) expect(names, name).toContain(name);
  });

  it("ships a dashboard that is valid JSON with a query on every panel", () => {
    const parsed = JSON.parse(dashboard) as { panels: { title: string; targets: { expr: string }[] }[] };
    expect(parsed.panels.length).toBeGreaterThan(10);
    for (const panel of parsed.panels) expect(panel.targets.length, panel.title).toBeGreaterThan(0);
  });
});
