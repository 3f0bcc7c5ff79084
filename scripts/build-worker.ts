// `npm run build:worker`: the embedded worker (and the benchmark's measured processes) as one
// compiled ES module under .build/, so they run on plain `node` rather than transpiling
// TypeScript through tsx at start-up (tsx's loader thread and compiled-module cache cost ~35 MB
// of resident memory and a second of CPU per process; see README "Performance").
// node_modules stay external and resolve from the project root as usual.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const BUILD_DIR = ".build";

/** Bundles `entry` (a .ts script) into .build/<name>.mjs and returns that path. */
export async function bundleScript(entry: string, name = path.basename(entry, ".ts")): Promise<string> {
  const outfile = path.join(BUILD_DIR, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await bundleScript("scripts/worker.ts"));
}
