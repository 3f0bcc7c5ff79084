// Auth.js keeps the database session's token in a cookie named with the `__Secure-` prefix over
// https and without it over http (RFC 6265bis §4.1.3.1); code that reads the cookie itself accepts both.
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The session token a request carries, if any (`jar`: Next's cookies() or NextRequest.cookies). */
export function sessionTokenIn(jar: { get(name: string): { value: string } | undefined }): string | undefined {
  return SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
}
