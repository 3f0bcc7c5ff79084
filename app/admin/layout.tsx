import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getViewer, isStaff, requireStaff } from "@/lib/dal/session";

// Every page under /admin is for compliance staff; the check runs again in each data call.

// Metadata resolves apart from the layout, so a customer's 404 here would still carry the console
// page's title, a hint that it exists. For anyone but staff the title is pinned to the one an
// unknown page's 404 has (the root layout's default): a template without %s swallows the page's
// own title. Throwing notFound() here instead would leave the 404 with no title at all.
const NOT_FOUND_TITLE = { absolute: "Privacy Center", template: "Privacy Center" };

export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  return viewer && isStaff(viewer) ? {} : { title: NOT_FOUND_TITLE };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff("/admin");
  return children;
}
