// The real program (as the Dockerfile runs it: node --import tsx src/main.ts, with its memory
// settings) against the Bot API
// emulator: the time from its start to the first answered update, and its memory (RSS) after
// 10,000 updates from 1,000 people.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Update } from "grammy/types";
import { startBotApiEmulator } from "../test/helpers/bot-api-emulator.js";
import { startProgram } from "../test/helpers/program.js";
import { projectsData } from "../src/bot/callback-data/projects.js";
import { createI18n } from "../src/presentation/i18n.js";
import { updatesFrom } from "./updates.js";

const TOKEN = "123456:BENCH-token-for-the-process-benchmark";
const PEOPLE = 1_000;
const FIRST_ID = 6_000_000;

/** NODE_OPTIONS and MALLOC_ARENA_MAX as the Dockerfile sets them: the program is measured as it is shipped. */
function dockerfileMemorySettings(): Record<string, string> {
  const dockerfile = readFileSync(path.join(import.meta.dirname, "../Dockerfile"), "utf8");
  const options = /^ENV NODE_OPTIONS="([^"]+)"/m.exec(dockerfile)?.[1];
  const arenas = /MALLOC_ARENA_MAX=(\d+)/.exec(dockerfile)?.[1];
  return { ...(options ? { NODE_OPTIONS: options } : {}), ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}) };
}

function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"))!;
  return Math.round(Number(line.replace(/\D+/g, "")) / 1024);
}

/** Ten updates a person: the start, the language, the job menu, a location, the next page, a card, help, a question, the menu. */
function personUpdates(id: number, jobs: string, projectId: number): Array<Omit<Update, "update_id">> {
  const { text, location, press } = updatesFrom(id, "kk");
  const [lat, lon] = [43.2 + (id % 100) / 1000, 76.9 + (id % 37) / 1000];
  const updates = [
    text("/start"),
    press("lang:kk"),
    text(jobs),
    location(lat, lon),
    press(projectsData.near(lat, lon, 2)),
    press(projectsData.card(projectId, "-")),
    text("/help"),
    text("жалақы қанша төленеді"),
    text("/menu"),
    text("/language"),
  ];
  return updates.map(({ update_id: _numberedByTheEmulator, ...update }) => update); // pushed in another order than made
}

export interface ProcessResult {
  startupSeconds: number;
  rssAtStartMegabytes: number;
  updates: number;
  rssMegabytes: number;
  perSecond: number;
}

export async function startupAndMemory(databaseUrl: string, projectId: number): Promise<ProcessResult> {
  const i18n = await createI18n();
  const jobs = i18n.getFixedT("kk")("menu.jobs");
  const emulator = await startBotApiEmulator();
  const first = FIRST_ID - 1;
  emulator.push(personUpdates(first, jobs, projectId)[0]!);
  const started = performance.now();
  const program = startProgram({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: databaseUrl,
    PII_KEY: Buffer.alloc(32, 11).toString("base64"),
    SEED_DEMO_DATA: "false",
    LOG_LEVEL: "warn",
    ...dockerfileMemorySettings(),
  });
  let running = true;
  try {
    const exitedEarly = program.exited.then(() => {
      if (running) throw new Error(`the program exited:\n${program.output.stderr}`);
    });
    await Promise.race([
      emulator.waitFor((call) => call.method === "sendMessage" && call.payload.chat_id === first, 60_000),
      exitedEarly,
    ]);
    const startupSeconds = Math.round((performance.now() - started) / 10) / 100;
    const rssAtStart = rssMegabytes(program.child.pid!);

    const answersBefore = emulator.calls.length;
    const updates = Array.from({ length: PEOPLE }, (_, i) => personUpdates(FIRST_ID + i, jobs, projectId));
    // people take turns, as they would: everyone's first update, then everyone's second, …
    for (let step = 0; step < updates[0]!.length; step++) for (const mine of updates) emulator.push(mine[step]!);
    const total = PEOPLE * updates[0]!.length;
    const sendStarted = performance.now();
    // every update is answered by at least one call; wait until the calls stop growing
    let last = -1;
    while (emulator.calls.length !== last || emulator.calls.length - answersBefore < total) {
      last = emulator.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (performance.now() - sendStarted > 300_000) {
        throw new Error(
          `the program made ${emulator.calls.length - answersBefore} calls for ${total} updates in 5 minutes\n${program.output.stdout.slice(-3000)}`,
        );
      }
    }
    const seconds = (performance.now() - sendStarted) / 1000 - 1; // the last second only confirmed the quiet
    return {
      startupSeconds,
      rssAtStartMegabytes: rssAtStart,
      updates: total,
      rssMegabytes: rssMegabytes(program.child.pid!),
      perSecond: Math.round(total / seconds),
    };
  } finally {
    running = false;
    program.child.kill("SIGTERM");
    await program.exited;
    await emulator.close();
  }
}
