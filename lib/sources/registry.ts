import { activitySource } from "./streampay/activity";
import { billingSource } from "./streampay/billing";
import { ordersSource } from "./streampay/orders";
import { payoutsSource } from "./streampay/payouts";
import { preferencesSource } from "./streampay/preferences";
import { profileSource } from "./streampay/profile";
import { streamsSource } from "./streampay/streams";
import { supportSource } from "./streampay/support";
import type { DataSource } from "./types";

// Every place the company keeps personal data. A self-hosting company adds its own sources here
// (one file each, declared with sqlSource or by implementing DataSource directly); the shared
// conformance test (sources.int.test.ts) then runs against them too.
export const SOURCES: readonly DataSource[] = [
  profileSource,
  ordersSource,
  billingSource,
  streamsSource,
  payoutsSource,
  supportSource,
  preferencesSource,
  activitySource,
];

export class UnknownSourceError extends Error {
  override name = "UnknownSourceError";
}

export function getSource(key: string): DataSource {
  const source = SOURCES.find((s) => s.key === key);
  if (!source) throw new UnknownSourceError(`There is no data source "${key}".`);
  return source;
}

/** The sources a request covers: the chosen ones in registry order, or all when none were chosen. */
export function selectSources(keys: readonly string[]): DataSource[] {
  if (keys.length === 0) return [...SOURCES];
  for (const key of keys) getSource(key);
  return SOURCES.filter((source) => keys.includes(source.key));
}
