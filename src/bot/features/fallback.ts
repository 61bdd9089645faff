import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { showMenu } from "./replies.js";

/** Nothing else took the update: never silence. */
export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") }));
  feature.on("message", (ctx) => showMenu(ctx, "fallback.unknown"));
  return feature;
}
