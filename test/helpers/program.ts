// The real program (src/main.ts, as `npm start` runs it) in a child process, and people chatting
// with it through the Bot API emulator.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { i18n as I18n } from "i18next";
import type { BotApiEmulator } from "./bot-api-emulator.js";
import { makeIin } from "./seekers.js";
import type { ApiCall } from "./telegram.js";

const root = path.resolve(import.meta.dirname, "../..");

export interface Program {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  /** Resolves when stdout shows `line`; rejects if the program exits or takes longer. */
  ready(line: string, timeoutMs?: number): Promise<void>;
}

export function startProgram(env: Record<string, string>): Program {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout!.on("data", (chunk) => (output.stdout += chunk));
  child.stderr!.on("data", (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output,
    exited,
    async ready(line, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.stdout.includes(line)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`the program did not print "${line}":\n${output.stdout}\n${output.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

export const text = (expected: string) => (call: ApiCall) => call.payload.text === expected;
export const buttonsOf = (call: ApiCall) =>
  (
    (call.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> })
      ?.inline_keyboard ?? []
  ).flat();

/** One person's chat with the running bot: `deliver` hands an update to it (polling queue or webhook). */
export class Chat {
  private messageId = 1;
  constructor(
    private readonly emulator: BotApiEmulator,
    private readonly i18n: I18n,
    private readonly deliver: (update: Record<string, unknown>) => Promise<void>,
    readonly id: number,
    readonly lang: "kk" | "ru" = "ru",
  ) {}
  private get from() {
    return { id: this.id, is_bot: false, first_name: `P${this.id}`, language_code: this.lang };
  }
  private get chat() {
    return { id: this.id, type: "private", first_name: `P${this.id}` };
  }
  t(key: string, options?: Record<string, unknown>) {
    return this.i18n.getFixedT(this.lang)(key, options);
  }
  /** Hands over an update and waits for the bot's call to this chat that `until` accepts. */
  private async exchange(update: Record<string, unknown>, until: (call: ApiCall) => boolean): Promise<ApiCall> {
    const before = this.emulator.calls.length;
    await this.deliver(update);
    return this.emulator.waitFor(
      (call) => this.emulator.calls.indexOf(call) >= before && Number(call.payload.chat_id) === this.id && until(call),
      30_000,
    );
  }
  send(message: string, until: (call: ApiCall) => boolean = () => true) {
    const entities = message.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: message.split(" ")[0]!.length }]
      : undefined;
    return this.exchange(
      { message: { message_id: this.messageId++, date: 0, chat: this.chat, from: this.from, text: message, entities } },
      until,
    );
  }
  location(latitude: number, longitude: number, until: (call: ApiCall) => boolean) {
    return this.exchange(
      {
        message: {
          message_id: this.messageId++,
          date: 0,
          chat: this.chat,
          from: this.from,
          location: { latitude, longitude },
        },
      },
      until,
    );
  }
  press(data: string, until: (call: ApiCall) => boolean = (call) => call.method !== "answerCallbackQuery") {
    return this.exchange(
      {
        callback_query: {
          id: String(this.messageId++),
          from: this.from,
          chat_instance: "e2e",
          data,
          message: { message_id: 500, date: 0, chat: this.chat, text: "" },
        },
      },
      until,
    );
  }
  async start() {
    await this.send("/start");
    await this.press(`lang:${this.lang}`, text(this.t("start.welcome")));
  }
}

export interface SeekerAnswers {
  name: string;
  /** YYMMDD and the IIN's century-and-sex digit (3/4: 1900s, 5/6: 2000s; odd: male). */
  birth: string;
  centurySex: 3 | 4 | 5 | 6;
  phone: string;
  status: "registered_unemployed" | "job_seeker";
  relocate: boolean;
}

/** Goes through the whole registration as a person would (not studying, not working, "any work"), home near Almaly district. */
export async function registerThroughChat(chat: Chat, answers: SeekerAnswers) {
  const [yy, mm, dd] = [answers.birth.slice(0, 2), answers.birth.slice(2, 4), answers.birth.slice(4, 6)];
  const birth = `${dd}.${mm}.${answers.centurySex <= 4 ? "19" : "20"}${yy}`;
  const sex = chat.t(answers.centurySex % 2 === 1 ? "seeker:sex.male" : "seeker:sex.female");
  await chat.press("seek:register", text(chat.t("seeker:consent.text")));
  await chat.press("reg:yes", text(chat.t("seeker:ask.name")));
  await chat.send(answers.name, text(chat.t("seeker:ask.iin")));
  await chat.send(makeIin(answers.birth, answers.centurySex), text(chat.t("seeker:ask.iin_confirm", { birth, sex })));
  await chat.press("reg:yes", text(chat.t("seeker:ask.phone_typed")));
  await chat.send(answers.phone, text(chat.t("seeker:ask.status")));
  await chat.press(`reg:status:${answers.status}`, text(chat.t("seeker:ask.studying")));
  await chat.press("reg:no", text(chat.t("seeker:ask.working")));
  await chat.press("reg:no", text(chat.t("seeker:ask.place_or_list")));
  await chat.location(43.25, 76.92, (call) => String(call.payload.text).includes("Алмалин"));
  await chat.press("reg:yes", text(chat.t("seeker:ask.professions")));
  await chat.press("reg:any", text(chat.t("seeker:ask.relocate")));
  await chat.press(answers.relocate ? "reg:yes" : "reg:no", text(chat.t("seeker:registration.done")));
}
