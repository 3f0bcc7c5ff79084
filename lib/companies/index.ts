import type { Company } from "@/lib/sources/company";
import { streampay } from "./streampay/company";

// The one registration point: the company whose data this portal exports. A self-hosting company
// adds its folder beside streampay/ (see docs/sources.md) and names it here.
export const configuredCompany: Company = streampay;
