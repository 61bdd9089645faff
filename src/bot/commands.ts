import { LANGUAGES } from "../presentation/i18n.js";
import type { Bot } from "grammy";
import type { i18n } from "i18next";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

const COMMANDS = ["start", "menu", "language", "help", "cancel"] as const;

/** The command list in each language (and Russian for everyone else); a failure is only logged. */
export async function publishCommands(bot: Bot<BotContext>, i18n: i18n, log: Logger): Promise<void> {
  const listIn = (lang: string) =>
    COMMANDS.map((command) => ({ command, description: i18n.getFixedT(lang)(`commands.${command}`) }));
  const calls = [
    ...LANGUAGES.map((lang) => bot.api.setMyCommands(listIn(lang), { language_code: lang })),
    bot.api.setMyCommands(listIn("ru")),
  ];
  const results = await Promise.allSettled(calls);
  for (const result of results) {
    if (result.status === "rejected")
      log.warn({ err: result.reason }, "setMyCommands failed; the bot goes on without a command list");
  }
}
