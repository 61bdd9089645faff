// The main menu's entries (installed after the conversations, which they may enter).
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { showMenu } from "./replies.js";

export function menuFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("message:text", async (ctx, next) => {
    const item = menuItemOf(ctx.message.text, ctx.deps.i18n);
    const allowed = item === "faq";
    if (!item || !allowed) return next();
    return showMenu(ctx, `soon.${item}`);
  });
  return feature;
}
