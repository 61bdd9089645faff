// The loans section of the menu: eligibility, calculator, obligations after the loan, lenders.
import { Composer } from "grammy";
import { parseLoansCallback } from "../callback-data/loans.js";
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

  feature.callbackQuery(/^loans:/, async (ctx) => {
    const data = parseLoansCallback(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.answerCallbackQuery();
    const [, action, purpose] = data;
    if (action === "check") return ctx.conversation.enter(ELIGIBILITY_CONVERSATION);
    if (action === "calc") return ctx.conversation.enter(CALCULATOR_CONVERSATION, purpose);
    if (action === "where") return showLenders(ctx);
    if (action === "got") return ctx.conversation.enter(LOAN_RECEIVED_CONVERSATION);
    return showObligations(ctx);
  });

  return feature;
}
