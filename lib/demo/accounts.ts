import type { Role } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n/catalog";

// Portal accounts the seed creates. The customers' emails match data subjects in the seeded
// demo company (prisma/demo-company), so their exports have data in them. What each one shows
// is in the message files (home.demoAbout.<about>), in every language.
export const DEMO_ACCOUNTS: readonly {
  email: string;
  name: string;
  role: Role;
  about: keyof Messages["home"]["demoAbout"];
}[] = [
  { email: "alex@example.com", name: "Alex Morgan", role: "CUSTOMER", about: "alex" },
  { email: "sam@example.com", name: "Sam Rivera", role: "CUSTOMER", about: "sam" },
  { email: "robin@example.com", name: "Robin Novak", role: "CUSTOMER", about: "robin" },
  { email: "reviewer@example.com", name: "Riley Chen", role: "REVIEWER", about: "reviewer" },
  { email: "admin@example.com", name: "Ada Okafor", role: "ADMIN", about: "admin" },
];
