import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { guessLang } from "../../presentation/i18n.js";

export interface RateLimit {
  updates: number;
  perMilliseconds: number;
}

/**
 * Per person: 20 updates in 5 seconds. A person tapping and typing fast stays far below it (4 a
 * second all the time); a script or a stuck client does not. Counted in memory, before any database
 * work, so a flood costs nothing but this counter.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { updates: 20, perMilliseconds: 5_000 };

/** Drops what goes over the limit; the first dropped update gets one localized "please slow down". */
export function rateLimit(deps: BotDeps, rate: RateLimit = DEFAULT_RATE_LIMIT): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    limit: rate.updates,
    timeFrame: rate.perMilliseconds,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.log.info({ user: ctx.from?.id }, "rate limited");
      if (ctx.chat?.type !== "private") return;
      const language = await deps.services.accounts.languageOfTelegramUser(ctx.from!.id).catch(() => null);
      const t = deps.i18n.getFixedT(language ?? guessLang(ctx.from?.language_code));
      await ctx
        .reply(t("errors.slow_down"))
        .catch((error) => ctx.log.warn({ err: error }, "could not ask to slow down"));
    },
  });
}
