import type { MiddlewareFn } from "grammy";
import { findOrCreateAccount } from "../../services/users.js";
import type { ConvContext } from "../context.js";
import { guessLang } from "../i18n.js";
import type { BotDeps } from "../context.js";

/**
 * Loads the person's account and language into the context. Used outside and, as a plugin,
 * inside conversations (which build their own context objects).
 */
export function accountMiddleware(deps: BotDeps): MiddlewareFn<ConvContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.log ??= deps.log.child({ update_id: ctx.update.update_id });
    ctx.account = ctx.from && !ctx.from.is_bot ? await findOrCreateAccount(deps.db, ctx.from, deps.adminIds) : null;
    ctx.lang = ctx.account?.language ?? guessLang(ctx.from?.language_code);
    ctx.t = deps.i18n.getFixedT(ctx.lang);
    await next();
  };
}
