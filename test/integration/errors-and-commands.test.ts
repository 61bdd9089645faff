import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCommands } from "../../src/bot/commands.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";

let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
});
afterAll(() => closeTestBot({ database, harness }));

describe("the error boundary", () => {
  it("tells the person to try again when handling fails, and the next update works", async () => {
    const person = harness.person({ languageCode: "kk" });
    harness.telegram.failNext("sendMessage", "Bad Request: something broke");
    const replies = await person.send("/start");
    expect(replies.map((r) => r.text)).toEqual([harness.t("kk", "language.choose"), harness.t("kk", "errors.generic")]);
    const [again] = await person.send("/start");
    expect(again!.text).toBe(harness.t("kk", "language.choose"));
  });
});

describe("the command list", () => {
  it("is published in Kazakh, Russian and by default", async () => {
    const before = harness.telegram.calls.length;
    await publishCommands(harness.bot, harness.i18n, pino({ level: "silent" }));
    const calls = harness.telegram.calls.slice(before).filter((c) => c.method === "setMyCommands");
    expect(calls.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "kk", "ru"]);
    const kk = calls.find((c) => c.payload.language_code === "kk")!.payload.commands as Array<{
      command: string;
      description: string;
    }>;
    expect(kk.map((c) => c.command)).toEqual(["start", "menu", "language", "help", "cancel"]);
    expect(kk[4]!.description).toBe(harness.t("kk", "commands.cancel"));
  });

  it("only logs a failure to publish it", async () => {
    const lines: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => lines.push(line) });
    harness.telegram.failNext("setMyCommands", "Bad Request: not today");
    await expect(publishCommands(harness.bot, harness.i18n, log)).resolves.toBeUndefined();
    expect(lines.some((line) => line.includes("setMyCommands failed"))).toBe(true);
  });
});
