// How long a first start takes to answer, from a clean data folder: the real program on the
// embedded database (its own data folder and port) and a Bot API emulator; prints the program's
// lines with the seconds since it was started, then the first answer's time.
//   npx tsx scripts/measure-first-start.ts
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { startBotApiEmulator } from "../test/helpers/bot-api-emulator.js";
const dir = "/tmp/first-start-data";
rmSync(dir, { recursive: true, force: true });
const emulator = await startBotApiEmulator();
const started = Date.now();
const child = spawn("npx", ["tsx", "src/main.ts"], {
  env: {
    ...process.env,
    BOT_TOKEN: "123456:FIRST-start-token-measure",
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATA_DIR: dir,
    EMBEDDED_DB_PORT: "54391",
    LOG_LEVEL: "info",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
child.stdout.on("data", (d) => {
  for (const line of String(d).split("\n").filter(Boolean))
    console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${line.slice(0, 160)}`);
});
child.stderr.on("data", (d) => process.stderr.write(d));
emulator.push({
  message: {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: 5, type: "private" },
    from: { id: 5, is_bot: false, first_name: "A" },
    text: "/start",
  },
} as never);
await emulator.waitFor((c) => c.method === "sendMessage", 120_000);
console.log(`FIRST ANSWER after ${((Date.now() - started) / 1000).toFixed(1)} s`);
emulator.push({
  callback_query: { id: "1", chat_instance: "1", from: { id: 5, is_bot: false, first_name: "A" }, data: "lang:ru" },
} as never);
await new Promise((r) => setTimeout(r, 35_000));
child.kill("SIGTERM");
await new Promise((r) => child.on("exit", r));
await emulator.close();
