import { configuredCompany } from "@/lib/companies";
import type { Company } from "./company";
import type { CollectOptions, DataSource, DataSubject, ExportRecord } from "./types";

// Every place the company keeps personal data, as its folder declares them (lib/companies/). The
// shared conformance test (sources.int.test.ts) runs against every source listed here.

let registered: Company | undefined;

/** Replaces the configured company for this process: how tests (and embedders) plug one in. */
export function registerCompany(company: Company | undefined): void {
  registered = company;
}

export function activeCompany(): Company {
  return registered ?? configuredCompany;
}

/** The active company's sources, each guarded so an erased subject yields nothing from any of them. */
export function listSources(): DataSource[] {
  const company = activeCompany();
  return company.sources().map((source) => withErasureGuard(source, company));
}

/** Compares source keys by the registry's order (profile first): how the portal and the archive list them. */
export function byRegistryOrder(a: string, b: string): number {
  const keys = listSources().map((source) => source.key);
  const position = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return position(a) - position(b);
}

export class UnknownSourceError extends Error {
  override name = "UnknownSourceError";
}

export function getSource(key: string): DataSource {
  const source = listSources().find((s) => s.key === key);
  if (!source) throw new UnknownSourceError(`There is no data source "${key}".`);
  return source;
}

/** The sources a request covers: the chosen ones in registry order, or all when none were chosen. */
export function selectSources(keys: readonly string[]): DataSource[] {
  const sources = listSources();
  if (keys.length === 0) return sources;
  for (const key of keys) getSource(key);
  return sources.filter((source) => keys.includes(source.key));
}

/**
 * Art. 17: data erased under the right to be forgotten is never exported again. Database sources
 * already skip erased rows; this also covers an outside service the erasure has not reached, by
 * asking the company's own record of who was erased before any source is read.
 */
function withErasureGuard(source: DataSource, company: Company): DataSource {
  return {
    ...source,
    async *collect(subject: DataSubject, options?: CollectOptions): AsyncIterable<ExportRecord[]> {
      if (subject.id && (await company.resolver.isErased(subject.id))) return;
      yield* source.collect(subject, options);
    },
  };
}
