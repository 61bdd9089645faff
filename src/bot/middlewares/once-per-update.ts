import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";

/** How long an update id is remembered: Telegram gives up redelivering long before. */
export const PROCESSED_UPDATE_KEPT_HOURS = 24;
/** Every this many updates, an instance deletes the ids past keeping. */
const CLEAN_EVERY = 1_000;

/**
 * Webhook mode: Telegram sends an update again when it got no answer in time, possibly to
 * another instance. The first to record the update_id handles it; the others drop it.
 */
export function oncePerUpdate(deps: BotDeps): MiddlewareFn<BotContext> {
  let seen = 0;
  return async (ctx, next) => {
    const first = await deps.db.$executeRaw`
      insert into "ProcessedUpdate" ("updateId") values (${BigInt(ctx.update.update_id)}) on conflict do nothing`;
    if (first === 0) return void ctx.log.info("update already processed: dropped");
    if (++seen % CLEAN_EVERY === 0) {
      await deps.db.$executeRaw`
        delete from "ProcessedUpdate" where at < now() - make_interval(hours => ${PROCESSED_UPDATE_KEPT_HOURS})`;
    }
    await next();
  };
}
