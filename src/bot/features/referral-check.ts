// A referral's QR code opened in Telegram (start=r<id>_<signature>): whether it stands, for anyone;
// with the outcome's buttons for the representative of the project's contractor.
import { formatDate, localName } from "../../presentation/format.js";
import type { BotContext } from "../context.js";
import { referredPersonKeyboard } from "../keyboards/contractor.js";

export async function showReferralCheck(ctx: BotContext, code: string) {
  const check = await ctx.services.public.checkReferral(code, ctx.account?.userId);
  if (!check) return ctx.reply(ctx.t("referral:check.invalid"));
  const lines = [
    ctx.t("referral:check.title", { referral: check.referralNumber, date: formatDate(check.referredAt) }),
    ctx.t(`referral:check.state.${check.state}`),
    "",
    ...(check.initials ? [ctx.t("referral:check.person", { initials: check.initials })] : []),
    ctx.t("referral:check.project", { project: localName(ctx.lang, check.project) }),
    ctx.t("referral:check.position", { profession: localName(ctx.lang, check.profession) }),
    ctx.t("referral:check.contractor", { contractor: check.contractor ?? "—" }),
    ...(check.centre
      ? [ctx.t("referral:check.centre", { centre: localName(ctx.lang, check.centre), phone: check.centre.phone })]
      : []),
  ];
  const recordable = check.asContractor && ctx.account?.isContractor && check.state === "valid";
  if (recordable) lines.push("", ctx.t("referral:check.as_contractor"));
  return ctx.reply(lines.join("\n"), {
    reply_markup: recordable ? referredPersonKeyboard(ctx.t, check.applicationId, check.project.id, true) : undefined,
  });
}
