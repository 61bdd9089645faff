// The loans section of the menu: eligibility, calculator, obligations after the loan, lenders.
import { Composer } from "grammy";
import { loansCallbacks } from "../callback-data/loans.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import type { BotContext } from "../context.js";
import { CALCULATOR_CONVERSATION } from "../conversations/calculator.js";
import { ELIGIBILITY_CONVERSATION } from "../conversations/eligibility.js";
import { loansMenuKeyboard } from "../keyboards/loans.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { showLenders } from "./lenders.js";
import { showObligations } from "./obligations.js";
import { LOAN_RECEIVED_CONVERSATION } from "../conversations/loan-received.js";

export function loansFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", (ctx, next) =>
    menuItemOf(ctx.message.text, ctx.deps.i18n) === "loans"
      ? ctx.reply(ctx.t("loans:menu.title"), { reply_markup: loansMenuKeyboard(ctx.t) })
      : next(),
  );

  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      await ctx.answerCallbackQuery();
      return handle(ctx, data);
    });
  press(loansCallbacks.check, (ctx) => ctx.conversation.enter(ELIGIBILITY_CONVERSATION));
  press(loansCallbacks.calc, (ctx, { purpose }) => ctx.conversation.enter(CALCULATOR_CONVERSATION, purpose));
  press(loansCallbacks.where, (ctx) => showLenders(ctx));
  press(loansCallbacks.got, (ctx) => ctx.conversation.enter(LOAN_RECEIVED_CONVERSATION));
  press(loansCallbacks.obligations, (ctx) => showObligations(ctx));

  return feature;
}
