import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { guessLang } from "../i18n.js";
import { NotAllowedError } from "../../services/staff.js";

/** Logs any error with its update id and tells the person, in their language, to try again. */
export function errorBoundary(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.log = deps.log.child({ update_id: ctx.update.update_id });
    try {
      await next();
    } catch (error) {
      const refused = error instanceof NotAllowedError; // a forged or stale button outside the person's reach
      if (refused) ctx.log.warn({ data: ctx.callbackQuery?.data }, "refused: outside the person's reach");
      else ctx.log.error({ err: error }, "update failed");
      if (!ctx.chat) return;
      const t = ctx.t ?? deps.i18n.getFixedT(guessLang(ctx.from?.language_code));
      await ctx.reply(t(refused ? "errors.not_allowed" : "errors.generic")).catch((replyError) => ctx.log.warn({ err: replyError }, "could not report the error"));
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    }
  };
}
