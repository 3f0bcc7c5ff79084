// The README's only styling, inline so the page works offline from inside the ZIP with no
// external assets. Colours keep WCAG AA contrast; the layout reflows on a phone and prints.
export const README_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f9c;
  --warn: #8a1c1c; --soft: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-top: 1rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.art15 dt { font-weight: 600; margin-top: .75rem; }
dl.art15 dd { margin: .15rem 0 0 0; }
dl.art15 ul, dl.art15 p { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; }
caption { text-align: left; font-weight: 600; padding: .35rem 0; }
th, td { text-align: left; vertical-align: top; border: 1px solid var(--line); padding: .4rem .6rem; }
thead th { background: var(--soft); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em;
  overflow-wrap: anywhere; }
.status { padding: .6rem .8rem; border-left: 4px solid var(--accent); background: var(--soft); }
.status.failed { border-left-color: var(--warn); color: var(--warn); background: #fbeeee; }
.muted { color: var(--muted); }
footer { margin: 3rem auto 2rem; color: var(--muted); font-size: .9rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; } }
@media print { a { color: inherit; } h2 { break-after: avoid; } section { break-inside: avoid-page; } }
`;
