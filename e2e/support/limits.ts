// Sign-in emails one address may ask for per hour in the end-to-end run (the server's
// SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR). The staff journeys sign the demo reviewer in more often
// than the default of 5; the limit tests ask for exactly this many, then one more.
export const SIGN_IN_EMAILS_PER_ADDRESS = 12;

// The server's METRICS_TOKEN: e2e/operations.spec.ts scrapes /api/metrics with it.
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
