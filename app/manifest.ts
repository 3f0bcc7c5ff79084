import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/translator";

// The web app manifest (W3C Web Application Manifest), served at /manifest.webmanifest and linked
// from every page by Next.js. Read at request time: the company's name is run-time configuration.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  await connection();
  const config = env();
  const t = translator(config.DEFAULT_LOCALE);
  return {
    name: t("layout.siteName", { company: config.COMPANY_NAME }),
    short_name: t("layout.title"),
    description: t("layout.description"),
    start_url: "/privacy-center",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
