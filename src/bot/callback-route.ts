// One handler per named callback (callback-data/callback.ts): grammY routes the press by the
// callback's filter, the data is read once, and stale or forged data gets the usual short answer.
import type { Composer, Filter } from "grammy";
import type { Callback, ValueOf } from "./callback-data/callback.js";
import type { BotContext } from "./context.js";

type Press = Filter<BotContext, "callback_query:data">;
type Fields = Parameters<typeof import("./callback-data/callback.js").callback>[1];

export function onPress<F extends Fields>(
  composer: Composer<BotContext>,
  action: Callback<F>,
  handle: (ctx: Press, data: ValueOf<F>) => unknown,
): void {
  composer.callbackQuery(action.filter, async (ctx) => {
    const data = action.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    return handle(ctx, data);
  });
}
