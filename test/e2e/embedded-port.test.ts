// The embedded database on a busy machine: a second checkout (or any program) on its port makes the
// next start take a free port; a port asked for that is taken, or a server that cannot start, ends
// the start with one line that says what failed and what to do.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_PORT } from "../../src/db/provision.js";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import { startProgram, type Program } from "../helpers/program.js";

const TOKEN = "123456:E2E-token-for-the-embedded-port-test";
let emulator: BotApiEmulator;
let folder: string;
const programs: Program[] = [];
const blockers: Server[] = [];

/** Holds a port of 127.0.0.1, as another program would; false when someone else holds it already. */
const hold = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => {
        blockers.push(server);
        resolve(true);
      });
    server.listen(port, "127.0.0.1");
  });

const start = (env: Record<string, string>) => {
  const program = startProgram({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    SEED_DEMO_DATA: "false",
    LOG_LEVEL: "info",
    ...env,
  });
  programs.push(program);
  return program;
};

beforeAll(async () => {
  emulator = await startBotApiEmulator();
  folder = mkdtempSync(path.join(tmpdir(), "roadmap-two-checkouts-"));
  chmodSync(folder, 0o755); // as root, the embedded server runs as "postgres", who must reach its data folders
});

afterAll(async () => {
  for (const program of programs) {
    if (program.child.exitCode === null) {
      program.child.kill("SIGTERM");
      await program.exited;
    }
  }
  for (const blocker of blockers) blocker.close();
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the embedded database on a busy machine", () => {
  it("starts two checkouts side by side while another program holds its port", async () => {
    await hold(EMBEDDED_PORT); // held by this test, or by someone else already: taken either way
    const [first, second] = [
      start({ DATA_DIR: path.join(folder, "first") }),
      start({ DATA_DIR: path.join(folder, "second") }),
    ];
    await Promise.all([first, second].map((program) => program.ready("polling: the bot is running", 120_000)));
    for (const program of [first, second])
      expect(program.output.stdout).toContain(`port ${EMBEDDED_PORT} is taken by another program`);
  }, 180_000);

  it("stops with one line when the port asked for is taken", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    expect(await hold(port)).toBe(true);
    const program = start({ DATA_DIR: path.join(folder, "fixed"), EMBEDDED_DB_PORT: String(port) });
    expect(await program.exited).toBe(1);
    const lines = program.output.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port} (EMBEDDED_DB_PORT)`);
    expect(lines[0]).not.toContain("undefined");
  }, 60_000);

  it("stops with one line saying what failed and what to do when the server cannot start", async () => {
    const damaged = path.join(folder, "damaged");
    mkdirSync(damaged, { recursive: true, mode: 0o755 });
    writeFileSync(path.join(damaged, "PG_VERSION"), "99\n"); // a data folder of no PostgreSQL there is
    const program = start({ DATA_DIR: damaged });
    expect(await program.exited).toBe(1);
    const lines = program.output.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^The embedded PostgreSQL did not start \(data folder .*damaged, port \d+\): .+\. Set DATABASE_URL/,
    );
    expect(lines[0]).not.toMatch(/: undefined\b/);
  }, 60_000);
});
