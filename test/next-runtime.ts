// What Next.js's server does before it loads anything (next/dist/server/node-environment-baseline):
// its request storage (behind next/headers) is an AsyncLocalStorage it finds on globalThis, and
// modules that load without one get a stand-in that throws. test/next-request.ts relies on it.
import "next/dist/server/node-environment-baseline.js";
