import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getViewer, isAdmin, isStaff, requireStaff } from "@/lib/dal/session";

// Every page under /admin is for compliance staff; the check runs again in each data call.
// The staff console is in English whatever the customer pages' language (lang for screen readers).

// Metadata resolves apart from the layout, so a customer's 404 here would still carry the
// console's title, a hint that it exists. The console's titles therefore come from here: staff
// get them; anyone else gets the title an unknown page's 404 has (the root layout's default),
// and a template without %s swallows the title of any page below. A title template does not
// apply to a page in the layout's own segment, so app/admin/page.tsx sets no title of its own.
export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  if (viewer && isStaff(viewer)) return { title: { default: "Review console", template: "%s · Privacy Center" } };
  const t = await getTranslations("layout"); // the 404's own title, in the visitor's language
  return { title: { absolute: t("title"), template: t("title") } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireStaff("/admin");
  return (
    <div lang="en">
      <AdminNav isAdmin={isAdmin(viewer)} />
      {children}
    </div>
  );
}
