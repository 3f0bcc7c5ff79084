import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "./session";

/** Remembers the viewer's language on their own account, so it follows them to any device. */
export async function rememberLocale(viewer: Viewer, locale: string): Promise<void> {
  await db.user.update({ where: { id: viewer.id }, data: { locale } });
}
