// Sign-in emails one address may ask for per hour in the end-to-end run (the server's
// SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR). The staff journeys sign the demo reviewer in more often
// than the default of 5; the limit tests ask for exactly this many, then one more.
export const SIGN_IN_EMAILS_PER_ADDRESS = 12;
