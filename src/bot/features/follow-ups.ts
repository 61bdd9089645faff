// The job seeker's answer to "how did your referral go?": hired, still waiting, or not hired (and
// why). Only the person's own application, and only while nobody has recorded an outcome.
import { Composer } from "grammy";
import { followUpCallbacks as fu } from "../callback-data/contractor.js";
import { onPress } from "../callback-route.js";
import type { BotContext } from "../context.js";
import { followUpReasonsKeyboard } from "../keyboards/contractor.js";

export function followUpsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const answer = async (
    ctx: BotContext,
    applicationId: number,
    outcome: "hired" | "waiting" | "not_hired",
    reason?: "refused" | "conditions" | "no_answer" | "other",
  ) => {
    if (!ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    const saved = await ctx.services.seekers.answerFollowUp(
      ctx.account.userId,
      applicationId,
      { outcome, reason },
      ctx.deps.now(),
    );
    await ctx.answerCallbackQuery();
    if (!saved) return ctx.editMessageText(ctx.t("notifications:follow_up_closed"));
    return ctx.editMessageText(
      ctx.t(outcome === "not_hired" ? "notifications:follow_up_not_hired" : "notifications:follow_up_thanks"),
    );
  };

  onPress(feature, fu.answer, async (ctx, { applicationId, outcome }) => {
    if (outcome !== "not_hired") return answer(ctx, applicationId, outcome);
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("notifications:follow_up_reason_ask"), {
      reply_markup: followUpReasonsKeyboard(ctx.t, applicationId),
    });
  });
  onPress(feature, fu.reason, (ctx, { applicationId, reason }) => answer(ctx, applicationId, "not_hired", reason));
  return feature;
}
