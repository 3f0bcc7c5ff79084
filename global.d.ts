import type { FORMATS } from "@/lib/i18n/formats";
import type en from "./messages/en.json";

// next-intl checks message keys and format names against the English file at compile time.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
    Formats: typeof FORMATS;
  }
}
