import type { ConvContext } from "../context.js";
import { languageKeyboard } from "../keyboards/language.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export function showMenu(ctx: ConvContext, key = "menu.title") {
  return ctx.reply(ctx.t(key), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
}

export function showWelcome(ctx: ConvContext) {
  return ctx.reply(ctx.t("start.welcome"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
}

export function showHelp(ctx: ConvContext) {
  return ctx.reply(ctx.t("help.text"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
}

export function askLanguage(ctx: ConvContext, startPayload?: string) {
  return ctx.reply(ctx.t("language.choose"), { reply_markup: languageKeyboard(ctx.t, ctx.lang, startPayload) });
}
