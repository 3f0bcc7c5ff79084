import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The demo outbox, newest first. It shows everyone's sign-in links, so it exists only in demo
 * mode (DEMO_MODE in .env.example); anywhere else it answers 404.
 */
export function listDemoOutbox(to?: string) {
  if (!env().demoMode) notFound();
  return db.outboxEmail.findMany({
    where: to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
