// Commands and buttons that work everywhere, also in the middle of a conversation
// (installed before the conversations, so that they see every update first).
import { adminCallbacks } from "../callback-data/admin.js";
import { loansCallbacks } from "../callback-data/loans.js";
import { profileCallbacks } from "../callback-data/profile.js";
import { reportCallbacks } from "../callback-data/reports.js";
import { staffCallbacks } from "../callback-data/staff.js";
import { Composer } from "grammy";
import { languageChoice } from "../callback-data/language.js";
import { onPress } from "../callback-route.js";
import { NOOP } from "../callback-data/noop.js";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard, menuItemOf } from "../keyboards/main-menu.js";
import { showProjectCard } from "./projects.js";
import { replying } from "../show.js";
import { offerDeskMenu } from "../desk-button.js";
import { askLanguage, showHelp, showMenu, showWelcome } from "./replies.js";
import { showReferralCheck } from "./referral-check.js";
import { contractorCallbacks } from "../callback-data/contractor.js";

/** `start=s<token>`: an invitation to a centre's staff; forged, used and expired ones change nothing. */
async function acceptStaffInvitation(ctx: BotContext, token: string) {
  const outcome = await ctx.services.staff.acceptInvitation(ctx.account!.userId, token, ctx.deps.now());
  if (!outcome.ok) return ctx.reply(ctx.t(`staff:invitation.${outcome.reason}`));
  ctx.account = { ...ctx.account!, isStaff: true };
  const centre = (await ctx.services.admin.centreById(outcome.centreId))!;
  await offerDeskMenu(ctx);
  return ctx.reply(ctx.t("staff:invitation.accepted", { centre: ctx.lang === "kk" ? centre.nameKk : centre.nameRu }), {
    reply_markup: mainMenuKeyboard(ctx.t, ctx.account),
  });
}

/** `start=c<token>`: an invitation to represent a contractor; forged, used and expired ones change nothing. */
async function acceptContractorInvitation(ctx: BotContext, token: string) {
  const outcome = await ctx.services.contractors.acceptContractorInvitation(ctx.account!.userId, token, ctx.deps.now());
  if (!outcome.ok) return ctx.reply(ctx.t(`contractor:invitation.${outcome.reason}`));
  ctx.account = { ...ctx.account!, isContractor: true };
  return ctx.reply(
    ctx.t("contractor:invitation.accepted", { contractor: outcome.contractor.name, menu: ctx.t("menu.contractor") }),
    { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) },
  );
}

/**
 * `start=p<id>` opens a project's card (shared links), `start=s<token>` and `start=c<token>` accept
 * an invitation (staff, a contractor's representative), `start=r<id>_<signature>` checks a referral
 * (its QR code); true when the payload was one.
 */
async function openDeepLink(ctx: BotContext, payload: string | undefined): Promise<boolean> {
  const invitation = /^([sc])([A-Za-z0-9_-]{24})$/.exec(payload ?? "");
  if (invitation) {
    if (invitation[1] === "s") await acceptStaffInvitation(ctx, invitation[2]!);
    else await acceptContractorInvitation(ctx, invitation[2]!);
    return true;
  }
  if (/^r\d/.test(payload ?? "")) {
    await showReferralCheck(ctx, payload!);
    return true;
  }
  const project = /^p([1-9]\d{0,8})$/.exec(payload ?? "");
  if (!project) return false;
  await showProjectCard(ctx, replying(ctx), Number(project[1]), "-");
  return true;
}

async function leaveConversations(ctx: BotContext): Promise<boolean> {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  if (active) await ctx.conversation.exitAll();
  return active;
}

/** The buttons that start something new, whatever conversation was going on (a conversation's own buttons are not among them). */
const STARTS_ANEW = [
  ...Object.values(loansCallbacks),
  ...Object.values(adminCallbacks),
  ...Object.values(reportCallbacks),
  ...Object.values(staffCallbacks).filter((action) => action !== staffCallbacks.typedBack),
  ...Object.values(contractorCallbacks),
  profileCallbacks.register,
  profileCallbacks.edit,
  profileCallbacks.delete,
  profileCallbacks.deleteConfirmed,
];

export function commandsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    await leaveConversations(ctx);
    if (!ctx.account?.language) return askLanguage(ctx, ctx.match || undefined);
    if (!(await openDeepLink(ctx, ctx.match))) return showWelcome(ctx);
  });

  feature.command("language", (ctx) => askLanguage(ctx));
  feature.command("help", (ctx) => showHelp(ctx));
  feature.command("menu", (ctx) => showMenu(ctx));
  feature.command("cancel", async (ctx) =>
    showMenu(ctx, (await leaveConversations(ctx)) ? "cancel.done" : "cancel.nothing"),
  );

  feature.callbackQuery(NOOP, (ctx) => ctx.answerCallbackQuery());

  onPress(feature, languageChoice, async (ctx, choice) => {
    if (!ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    const firstTime = ctx.account.language === null;
    await ctx.services.accounts.setLanguage(ctx.account.userId, choice.lang);
    ctx.account = { ...ctx.account, language: choice.lang };
    ctx.lang = choice.lang;
    ctx.t = ctx.deps.i18n.getFixedT(choice.lang);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language.changed"));
    if (firstTime) await showWelcome(ctx);
    else await showMenu(ctx);
    await openDeepLink(ctx, choice.payload);
  });

  // A button of the loans, staff, admin or report sections starts something new, as registering,
  // changing the profile and deleting one's data do: the old conversation ends.
  feature.callbackQuery(
    STARTS_ANEW.map((action) => action.filter),
    async (ctx, next) => {
      await leaveConversations(ctx);
      return next();
    },
  );

  // A menu entry leaves whatever conversation was going on; the menu feature then opens it.
  feature.on("message:text", async (ctx, next) => {
    const item = menuItemOf(ctx.message.text, ctx.deps.i18n);
    if (item === "language") return askLanguage(ctx);
    if (item === "help") return showHelp(ctx);
    if (item) await leaveConversations(ctx);
    return next();
  });

  return feature;
}
