import { Composer } from "grammy";
import { obligationDone } from "../callback-data/obligations.js";
import { onPress } from "../callback-route.js";
import type { BotContext, ConvContext } from "../context.js";
import { obligationsList } from "../obligation-messages.js";

export async function showObligations(ctx: ConvContext) {
  const obligations = ctx.account ? await ctx.services.loans.listObligations(ctx.account.userId) : [];
  if (obligations.length === 0) return ctx.reply(ctx.t("loans:obligations.none"));
  const { text, keyboard } = obligationsList(ctx.t, obligations, ctx.deps.now());
  return ctx.reply(text, { reply_markup: keyboard });
}

/** "Done" on a reminder or in the list: stops that series of reminders. */
export function obligationsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onPress(feature, obligationDone, async (ctx, data) => {
    const jobIds = ctx.account
      ? await ctx.services.loans.markObligationDone(ctx.account.userId, data.obligationId, data.series, ctx.deps.now())
      : null;
    if (jobIds === null) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.deps.reminders.cancel(jobIds);
    await ctx.answerCallbackQuery({ text: ctx.t(`loans:obligations.marked_${data.series}`) });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return showObligations(ctx);
  });
  return feature;
}
