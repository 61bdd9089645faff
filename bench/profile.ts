// `BENCH_CPU_PROFILE=run.cpuprofile npm run bench -- updates`: a CPU profile of this process over the
// measured run only (open it in Chrome's DevTools or summarise it with bench/profile-summary.ts).
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";

export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
