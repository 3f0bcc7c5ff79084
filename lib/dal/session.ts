import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { isAdmin, isStaff } from "@/lib/auth/roles";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type Viewer = { id: string; email: string; name: string | null; role: Role; locale?: string | null };

export { isAdmin, isStaff };

/** Who is asking, once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return confirmSignedOut();
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role, locale: user.locale ?? null };
});

/**
 * Auth.js answers "signed out" also when it could not read the session at all (it logs a
 * SessionTokenError and returns null). With a session cookie, make sure the database answers, so
 * that an outage fails as one (503, "try again") instead of reading as a signed-out person (401,
 * "sign in again").
 */
async function confirmSignedOut(): Promise<null> {
  if (sessionTokenIn(await cookies())) await db.$queryRaw`SELECT 1`;
  return null;
}

/** Pages that need a signed-in person send everyone else to sign-in and back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return viewer;
}

/** Staff pages: a customer gets the same 404 as an unknown page, never a hint that it exists. */
export async function requireStaff(returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!isStaff(viewer)) notFound();
  return viewer;
}

/** Admin-only pages (staff and roles): a reviewer gets the same 404 as a customer. */
export async function requireAdmin(returnTo: string): Promise<Viewer> {
  const viewer = await requireStaff(returnTo);
  if (!isAdmin(viewer)) notFound();
  return viewer;
}
