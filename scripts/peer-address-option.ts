import path from "node:path";
import { pathToFileURL } from "node:url";

/** The environment for a Next.js server process that stamps each request's TCP peer (see peer-address.mjs). */
export function withPeerAddress(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const preload = pathToFileURL(path.join(import.meta.dirname, "peer-address.mjs")).href;
  // NODE_OPTIONS rather than an argument: `next dev` serves from a child process it forks.
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(" ") };
}
