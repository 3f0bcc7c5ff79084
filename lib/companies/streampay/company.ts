import { env } from "@/lib/env";
import type { Company } from "@/lib/sources/company";
import { activitySource } from "./activity";
import { billingSource } from "./billing";
import { ordersSource } from "./orders";
import { outsideServiceSources } from "./outside-services";
import { payoutsSource } from "./payouts";
import { preferencesSource } from "./preferences";
import { profileSource } from "./profile";
import { streamsSource } from "./streams";
import { streampayResolver } from "./subject-resolver";
import { supportSource } from "./support";

// StreamPay, the demo company: its database tables (schema "streampay", prisma/demo-company/),
// the outside services it uses, and how a customer is found in them.

const TABLE_SOURCES = [
  profileSource,
  ordersSource,
  billingSource,
  streamsSource,
  payoutsSource,
  supportSource,
  preferencesSource,
  activitySource,
];

export const streampay: Company = {
  key: "streampay",
  resolver: streampayResolver,
  sources: () => [...TABLE_SOURCES, ...outsideServiceSources(env())],
};
