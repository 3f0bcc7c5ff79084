import type { ChildProcess } from "node:child_process";

// Keeps one child process of the launcher running: a child that exits on its own (a crash, an
// unhandled error) is started again after a delay that doubles with each quick exit, so a child
// that cannot start does not spin, and one that ran for a while comes back at once. Only stop()
// ends it for good.

export type SupervisorOptions = {
  name: string;
  start: () => ChildProcess;
  log: (line: string) => void;
  /** First restart delay (default 1 s); doubles per exit up to maxBackoffMs (default 30 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A child that ran this long before exiting restarts after minBackoffMs again (default 60 s). */
  healthyAfterMs?: number;
};

export type Supervisor = { readonly restarts: number; stop(signal?: NodeJS.Signals): Promise<void> };

export function supervise(options: SupervisorOptions): Supervisor {
  const min = options.minBackoffMs ?? 1_000;
  const max = options.maxBackoffMs ?? 30_000;
  const healthyAfter = options.healthyAfterMs ?? 60_000;
  let delay = min;
  let restarts = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const run = () => {
    const startedAt = Date.now();
    const current = options.start();
    child = current;
    exited = new Promise((resolve) => {
      current.once("exit", (code, signal) => {
        resolve();
        if (stopping) return;
        if (Date.now() - startedAt >= healthyAfter) delay = min;
        options.log(
          `${options.name} exited (${signal ?? `code ${code}`}); restarting in ${(delay / 1000).toFixed(delay < 1000 ? 2 : 0)} s`,
        );
        timer = setTimeout(() => {
          timer = undefined;
          restarts += 1;
          run();
        }, delay);
        delay = Math.min(delay * 2, max);
      });
    });
  };
  run();

  return {
    get restarts() {
      return restarts;
    },
    async stop(signal = "SIGTERM") {
      stopping = true;
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
