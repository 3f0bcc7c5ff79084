import type { Role } from "@/lib/generated/prisma/enums";

// Portal accounts the seed creates. The customers' emails match data subjects in the seeded
// demo company (prisma/demo-company), so their exports have data in them.
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; about: string }[] = [
  {
    email: "alex@example.com",
    name: "Alex Morgan",
    role: "CUSTOMER",
    about: "A customer with about 20 000 records across every source",
  },
  { email: "sam@example.com", name: "Sam Rivera", role: "CUSTOMER", about: "A customer with no history at all" },
  {
    email: "robin@example.com",
    name: "Robin Novak",
    role: "CUSTOMER",
    about: "A support ticket names Sam Rivera: the request waits for a reviewer before release (Art. 15(4))",
  },
  {
    email: "reviewer@example.com",
    name: "Riley Chen",
    role: "REVIEWER",
    about: "Compliance staff: approves identity checks",
  },
  {
    email: "admin@example.com",
    name: "Ada Okafor",
    role: "ADMIN",
    about: "Compliance lead: everything a reviewer can, plus staff roles",
  },
];
