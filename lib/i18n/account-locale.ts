import { db } from "@/lib/db";

/**
 * The language a person saved with the switcher (User.locale), looked up by their address; null
 * when no account has it or none was chosen. For emails to someone other than the current visitor.
 */
export async function savedLocaleOf(email: string): Promise<string | null> {
  const account = await db.user.findUnique({ where: { email }, select: { locale: true } });
  return account?.locale ?? null;
}
