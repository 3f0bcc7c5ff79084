// README.html shows a customer's own data and our source declarations; any of it could contain
// markup ("<script>" in a display name). Every interpolated value goes through escapeHtml, which
// is safe in element content and in double- or single-quoted attribute values.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * The URL if it is http(s), otherwise null. Escaping stops markup but not a "javascript:" link,
 * so external links are only rendered for web URLs.
 */
export function webUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
