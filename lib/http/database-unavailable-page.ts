import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/database/availability";
import { env } from "@/lib/env";
import { escapeHtml } from "@/lib/export/html-escape";
import { translator } from "@/lib/i18n/translator";

// The page proxy.ts answers with while the database is away: 503 with Retry-After (RFC 9110
// §15.6.4), so browsers, crawlers and load balancers know it is temporary. It is plain HTML with
// its own styles because nothing that renders the app's pages may run: the layout reads the
// session, and the session lives in the database.

/** The app's colours (app/globals.css): the page looks like the portal it stands in for. */
const STYLE = `
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:#fafafa;color:#18181b;
  font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  -webkit-font-smoothing:antialiased}
header{border-bottom:1px solid #e4e4e7;background:#fff}
.bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;align-items:center;gap:.5rem;font-weight:600}
.mark{display:grid;place-items:center;width:2rem;height:2rem;border-radius:.375rem;background:#1d4ed8;color:#fff}
main{flex:1;width:100%;max-width:32rem;margin:0 auto;padding:4rem 1rem;text-align:center}
.code{margin:0;font-size:.875rem;font-weight:600;color:#1e40af}
h1{margin:.5rem 0 0;font-size:1.5rem;line-height:2rem;font-weight:600}
p.text{margin:.75rem 0 0;color:#52525b}
a.button{display:inline-block;margin-top:1.5rem;padding:.5rem 1rem;border-radius:.375rem;background:#1d4ed8;color:#fff;
  font-size:.875rem;font-weight:600;text-decoration:none}
a.button:hover{background:#1e40af}
:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
`;

export function databaseUnavailablePage({ locale, nonce }: { locale: string; nonce: string }): Response {
  const t = translator(locale);
  const company = env().COMPANY_NAME;
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${t("databaseUnavailable.metaTitle")} · ${t("layout.title")}`)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
<header><div class="bar">
<span class="mark" aria-hidden="true">${escapeHtml(company.charAt(0))}</span>
<span>${escapeHtml(t("layout.siteName", { company }))}</span>
</div></header>
<main>
<p class="code">503</p>
<h1>${escapeHtml(t("databaseUnavailable.title"))}</h1>
<p class="text">${escapeHtml(t(DATABASE_UNAVAILABLE_MESSAGE))}</p>
<a class="button" href="">${escapeHtml(t("databaseUnavailable.retry"))}</a>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
    },
  });
}
