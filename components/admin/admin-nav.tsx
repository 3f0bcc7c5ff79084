"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TAB =
  "inline-block border-b-2 border-transparent px-3 py-2 font-medium text-zinc-700 hover:border-zinc-300 " +
  "hover:text-zinc-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700";

const LINKS = [
  { href: "/admin", label: "Queue", adminOnly: false },
  { href: "/admin/audit", label: "Audit log", adminOnly: false },
  { href: "/admin/dashboard", label: "Dashboard", adminOnly: false },
  { href: "/admin/staff", label: "Staff", adminOnly: true },
] as const;

/** The console's sections; the current one is marked for assistive technology (aria-current). */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  // The queue owns /admin and the request pages under /admin/requests.
  const current = (href: string) =>
    href === "/admin" ? pathname === "/admin" || pathname.startsWith("/admin/requests") : pathname.startsWith(href);
  return (
    <nav aria-label="Review console" className="mb-6 border-b border-zinc-200">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {LINKS.filter((link) => isAdmin || !link.adminOnly).map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={current(link.href) ? "page" : undefined} className={TAB}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
