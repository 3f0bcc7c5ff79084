// How the embedded worker runs as a process of its own: `npm start` / `npm run dev` (scripts/portal.ts),
// `npm run worker` (package.json, which repeats WORKER_NODE_FLAGS) and the benchmark's burst.
import { bundleScript } from "./build-worker";

/**
 * V8's heap limit for the worker. Node's default on a machine with a lot of memory is several GB,
 * and V8 grows the heap in proportion to that limit: under a burst of 100 exports the worker
 * reached ~450 MB resident while holding ~70 MB of live objects (a heap snapshot at the peak);
 * the rest was garbage V8 saw no reason to collect yet. With 512 MB the same burst peaks near
 * 260 MB at the same speed (README, "Performance"). NODE_OPTIONS may set another limit.
 */
export const WORKER_HEAP_MB = 512;

export const WORKER_NODE_FLAGS = [`--max-old-space-size=${WORKER_HEAP_MB}`];

/**
 * glibc gives each thread that allocates its own malloc arena; the worker's zlib, fs and pg
 * threads then hold ~35 MB of fragmented, never-returned memory at 100k rows. Two arenas
 * measured the same speed (README, "Performance"); an explicit value in the environment wins.
 */
export const WORKER_ENV = { MALLOC_ARENA_MAX: "2" };

/** The worker's command line (compiled first, scripts/build-worker.ts) and environment. */
export async function workerProcess(
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<{ args: string[]; env: NodeJS.ProcessEnv }> {
  const heapFromOptions = /--max-old-space-size/.test(env.NODE_OPTIONS ?? "");
  const flags = [...(heapFromOptions ? [] : WORKER_NODE_FLAGS), ...nodeArgs];
  return { args: [...flags, await bundleScript("scripts/worker.ts")], env: { ...WORKER_ENV, ...env } };
}
