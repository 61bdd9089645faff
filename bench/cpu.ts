// CPU time, to see where an update's time goes: this process's (Node's) and the bench's
// PostgreSQL server's (its postmaster and every process it started), read from /proc on Linux.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Milliseconds of CPU used so far by this process. */
export function nodeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const TICK_MS = 10; // Linux reports process times in clock ticks of 1/100 s

/** Milliseconds of CPU used so far by the PostgreSQL server of `dataDir` and its children; null off Linux. */
export function postgresCpuMs(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync("/proc") || !existsSync(pidFile)) return null;
  const postmaster = readFileSync(pidFile, "utf8").split("\n")[0]!.trim();
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from the 3rd on: state, ppid, …
      if (pid !== postmaster && fields[1] !== postmaster) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended while being read
    }
  }
  return ticks * TICK_MS;
}

/**
 * This process's main thread (where all JavaScript runs) so far, in ms: on a core, and runnable but
 * waiting for one (Linux's schedstat); null off Linux.
 */
export function mainThreadMs(): { onCore: number; waiting: number } | null {
  const file = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  if (!existsSync(file)) return null;
  const [onCore, waiting] = readFileSync(file, "utf8").split(" ").map(Number);
  return { onCore: onCore! / 1e6, waiting: waiting! / 1e6 };
}
