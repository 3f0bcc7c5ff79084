// Free text that reaches a log line (an error's message, a library's warning) can still name a
// person or carry a secret: email addresses and link tokens are masked wherever they appear.
// Structured fields are handled by pino's redact paths (logger.ts); this is the second net.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// `token=…` in a link (the signed download link, a magic link) and bearer credentials.
const TOKEN_PARAM = /\b(token|code|signature|key)=[^&\s"']+/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

export function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(TOKEN_PARAM, "$1=[redacted]").replace(BEARER, "Bearer [redacted]");
}
