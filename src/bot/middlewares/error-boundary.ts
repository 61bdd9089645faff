import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { guessLang } from "../../presentation/i18n.js";
import { isDatabaseUnavailable } from "../../db/unavailable.js";
import { isNotAllowed } from "../../services/staff.js";

type Failure = "not_allowed" | "unavailable" | "generic";

function failureOf(error: unknown): Failure {
  if (isNotAllowed(error)) return "not_allowed"; // a forged or stale button, or a typed answer, outside the person's reach
  if (isDatabaseUnavailable(error)) return "unavailable";
  return "generic";
}

/**
 * A refused action is kept in the audit log: who pressed what (the data holds ids only), by kind
 * (the button's section and action, such as "stf:ref"; "message" for a typed answer), at most once
 * a minute per person and kind with a count.
 */
async function logRefusal(ctx: BotContext, deps: BotDeps) {
  const data = ctx.callbackQuery?.data ?? "";
  ctx.log.warn({ data }, "refused: outside the person's reach");
  if (!ctx.account) return;
  const kind = data ? data.split(":").slice(0, 2).join(":") : "message";
  await deps.services.accounts
    .auditRefusal({ actorUserId: ctx.account.userId, kind, data, telegramId: String(ctx.from?.id), at: deps.now() })
    .catch((error) => ctx.log.error({ err: error }, "could not audit a refusal"));
}

/**
 * Logs any error with its update id and tells the person, in their language, what happened:
 * not allowed, the service briefly unavailable (the database does not answer: the process stays up
 * and the next update tries again), or a generic "try again".
 */
export function errorBoundary(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.log = deps.log.child({ update_id: ctx.update.update_id });
    ctx.log.debug({ update: ctx.update }, "update");
    try {
      await next();
    } catch (error) {
      const failure = failureOf(error);
      deps.metrics?.errors.inc({ kind: failure });
      if (failure === "not_allowed") await logRefusal(ctx, deps);
      else if (failure === "unavailable") ctx.log.warn({ err: error }, "database unavailable");
      else ctx.log.error({ err: error }, "update failed");
      if (!ctx.chat) return;
      const t = ctx.t ?? deps.i18n.getFixedT(guessLang(ctx.from?.language_code));
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      await ctx
        .reply(t(`errors.${failure}`))
        .catch((replyError) => ctx.log.warn({ err: replyError }, "could not report the error"));
    }
  };
}
