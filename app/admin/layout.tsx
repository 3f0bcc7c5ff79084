import type { ReactNode } from "react";
import { requireStaff } from "@/lib/dal/session";

// Every page under /admin is for compliance staff; the check runs again in each data call.
// The staff console is in English whatever the customer pages' language (lang for screen readers).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff("/admin");
  return <div lang="en">{children}</div>;
}
