// What the burst reads about processes from Linux's /proc: CPU time, peak memory, process trees,
// the database server's CPU and how busy the machine's cores were.
import { readFileSync } from "node:fs";
import { withClient } from "@/lib/database/availability";

/** User + system CPU time of processes, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
export function cpuSeconds(pids: number[]): number {
  const ticks = pids.reduce((sum, pid) => sum + (fromProc(() => sumOfTicks(pid, 11, 13)) ?? 0), 0); // utime, stime
  return ticks / 100;
}

/**
 * A reader of the CPU seconds the PostgreSQL server at `databaseUrl` has used: its postmaster
 * and live server processes, and the exited ones the postmaster has reaped. Reads null when the
 * server does not run on this machine (its backend's process is not ours to see).
 */
export async function databaseServerCpu(databaseUrl: string): Promise<() => number | null> {
  // The backend's parent, read while the backend still exists (it ends with its connection).
  const postmaster = await withClient(databaseUrl, "bench", async (client) => {
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    return fromProc(() => Number(statFields(backend)[1]));
  });
  if (postmaster === undefined) return () => null;
  // utime, stime, cutime, cstime: a process's own CPU and that of its reaped children.
  const withReaped = (pid: number) => sumOfTicks(pid, 11, 15);
  return () => {
    const own = fromProc(() => withReaped(postmaster));
    if (own === undefined) return null;
    return (own + childrenOf(postmaster).reduce((sum, pid) => sum + (fromProc(() => withReaped(pid)) ?? 0), 0)) / 100;
  };
}

/** Busy and total CPU ticks of all the machine's cores so far (/proc/stat; idle and iowait are not busy). */
export function machineCpu(): { busy: number; total: number } {
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/** Peak resident set of a live process (VmHWM), in MB; 0 once it is gone. */
export function peakRssMb(pid: number): number {
  const kb = fromProc(() => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
  return Math.round((kb ?? 0) / 1024);
}

/** `pid` and its descendants (`next start` serves from a child process). */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(processTree)];
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // gone
  }
}

/** What `read` reads from /proc, or undefined when the process is gone (or not ours to see). */
function fromProc(read: () => number): number | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The sum of /proc/<pid>/stat's fields [from, to) after the command name (see statFields). */
function sumOfTicks(pid: number, from: number, to: number): number {
  return statFields(pid)
    .slice(from, to)
    .reduce((sum, ticks) => sum + Number(ticks), 0);
}

/** The fields of /proc/<pid>/stat after the command name: [0] is the state, [1] the parent, [11..14] utime, stime, cutime, cstime. */
function statFields(pid: number): string[] {
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
}
