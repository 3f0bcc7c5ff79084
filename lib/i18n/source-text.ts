import type { MessageLookup } from "./localize-errors";

// A source's title and description as the customer reads them: `sources.<key>` in the message
// files when the company translated them, else the source's own declaration (lib/sources).

export function localizedSource<S extends { key: string; title: string; description: string }>(
  t: MessageLookup,
  source: S,
): S {
  const title = `sources.${source.key}.title`;
  const description = `sources.${source.key}.description`;
  return {
    ...source,
    title: t.has(title) ? t(title) : source.title,
    description: t.has(description) ? t(description) : source.description,
  };
}
