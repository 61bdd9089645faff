import type { MiddlewareFn } from "grammy";
import type { ConvContext } from "../context.js";
import { guessLang } from "../../presentation/i18n.js";
import type { BotDeps } from "../context.js";

/**
 * Loads the person's account and language into the context. Used outside and, as a plugin,
 * inside conversations (which build their own context objects). Given `conversationKey`, the
 * person's conversation state comes in the same query (ctx.storedSession, for the conversations'
 * storage).
 */
export function accountMiddleware(
  deps: BotDeps,
  conversationKey?: (ctx: ConvContext) => string | undefined,
): MiddlewareFn<ConvContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.services = deps.services;
    ctx.log ??= deps.log.child({ update_id: ctx.update.update_id });
    const key = conversationKey?.(ctx);
    if (!ctx.from || ctx.from.is_bot) ctx.account = null;
    else if (key === undefined) ctx.account = await deps.services.accounts.findOrCreateAccount(ctx.from, deps.adminIds);
    else
      ({ account: ctx.account, session: ctx.storedSession } = await deps.services.accounts.loadAccount(
        ctx.from,
        deps.adminIds,
        key,
      ));
    ctx.lang = ctx.account?.language ?? guessLang(ctx.from?.language_code);
    ctx.t = deps.i18n.getFixedT(ctx.lang);
    await next();
  };
}
