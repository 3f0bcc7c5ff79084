import type { ArchiveInput } from "@/lib/export/archive-input";
import { env } from "@/lib/env";

/** The controller as the archive names it (Art. 15(1) and 77: who we are, who to complain to). */
export function controllerDetails(): ArchiveInput["controller"] {
  const config = env();
  return {
    name: config.COMPANY_NAME,
    contactEmail: config.COMPANY_CONTACT_EMAIL,
    dpoEmail: config.COMPANY_DPO_EMAIL,
    address: config.COMPANY_ADDRESS,
    supervisoryAuthority: { name: config.SUPERVISORY_AUTHORITY_NAME, url: config.SUPERVISORY_AUTHORITY_URL },
  };
}
