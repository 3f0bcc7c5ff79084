import type { ReactNode } from "react";
import { requireStaff } from "@/lib/dal/session";

// Every page under /admin is for compliance staff; the check runs again in each data call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff("/admin");
  return children;
}
