import type { MiddlewareFn } from "grammy";
import { isExpiredSession } from "../../db/prisma-storage.js";
import type { ConvContext } from "../context.js";
import { mainMenuKeyboard, menuItemOf } from "../keyboards/main-menu.js";

/**
 * Someone comes back to a conversation that was dropped after a day unanswered: they are told once,
 * kindly, to start again. A command or a menu entry then goes on as usual; an answer or a button
 * of the old conversation stops here, since what it answered is gone.
 */
export function expiredConversationNotice(): MiddlewareFn<ConvContext> {
  return async (ctx, next) => {
    const stored = ctx.storedSession;
    if (!stored?.found || !isExpiredSession(stored.value)) return next();
    await ctx.services.accounts.forgetExpiredConversation(stored.key);
    ctx.storedSession = { ...stored, found: false, value: undefined };
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("conversation.expired"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
    const text = ctx.message?.text;
    if (text !== undefined && (text.startsWith("/") || menuItemOf(text, ctx.deps.i18n))) return next();
  };
}
