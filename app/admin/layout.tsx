import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { isAdmin, requireStaff } from "@/lib/dal/session";

// Every page under /admin is for compliance staff; the check runs again in each data call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireStaff("/admin");
  return (
    <>
      <AdminNav isAdmin={isAdmin(viewer)} />
      {children}
    </>
  );
}
