import { startFakeAnalytics } from "./analytics-server";
import { startFakeIntercom } from "./intercom-server";
import { startFakeStripe } from "./stripe-server";

// All three outside services at once, on loopback ports, with the variables that point the
// portal at them. Used by the integration tests, the e2e server and `npm run dev` (when no real
// credentials are set), so a newcomer's demo shows every source.

export type OutsideServiceFakes = Awaited<ReturnType<typeof startOutsideServiceFakes>>;

export async function startOutsideServiceFakes() {
  const [stripe, intercom, analytics] = await Promise.all([
    startFakeStripe(),
    startFakeIntercom(),
    startFakeAnalytics(),
  ]);
  return {
    stripe,
    intercom,
    analytics,
    env: {
      STRIPE_SECRET_KEY: stripe.token,
      STRIPE_API_BASE: stripe.baseUrl,
      INTERCOM_ACCESS_TOKEN: intercom.token,
      INTERCOM_API_BASE: intercom.baseUrl,
      ANALYTICS_API_KEY: analytics.token,
      ANALYTICS_PROJECT_ID: "4242",
      ANALYTICS_API_BASE: analytics.baseUrl,
    },
    close: () => Promise.all([stripe.close(), intercom.close(), analytics.close()]).then(() => undefined),
  };
}

/**
 * For `npm run dev`: when none of the outside services is configured, start the fakes and set
 * their variables on `env` (the environment the portal's processes are started with).
 */
export async function startOutsideServiceFakesForDemo(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  if (env.STRIPE_SECRET_KEY || env.INTERCOM_ACCESS_TOKEN || env.ANALYTICS_API_KEY) return undefined;
  const fakes = await startOutsideServiceFakes();
  Object.assign(env, fakes.env);
  log(
    `Stripe, Intercom and analytics: local fakes at ${fakes.stripe.baseUrl}, ${fakes.intercom.baseUrl}, ${fakes.analytics.baseUrl}`,
  );
  return fakes;
}
