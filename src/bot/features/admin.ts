// Administration: employment centres (by region or by name), invitation links for their staff,
// the staff list, the audit log and the unanswered questions.
import { editOrReply, replying, type Show } from "../show.js";
import { Composer, InlineKeyboard } from "grammy";
import { ADMIN_CALLBACK, adminData, parseAdminCallback } from "../callback-data/admin.js";
import type { BotContext, ConvContext } from "../context.js";
import { ADMIN_SEARCH_CONVERSATION } from "../conversations/admin-search.js";
import { CENTRE_EDITOR_CONVERSATION } from "../conversations/centre-editor.js";
import { formatDateTime } from "../format.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { showAudit, showKindChoice } from "./admin-audit.js";
import { retryAndShow, showUndelivered } from "./admin-undelivered.js";
import { showAdminHome, showCentre, showCentreSearch, showRegionCentres, showStaff } from "./admin-centres.js";
import { withdrawDeskMenu } from "../desk-button.js";

const QUESTION_SHOWN = 150;

async function showUnanswered(ctx: ConvContext, show: Show) {
  const questions = await ctx.services.unansweredQuestions();
  const lines = questions.map((q) => ctx.t("faq:unanswered.line", { count: q.count, text: q.text.length > QUESTION_SHOWN ? `${q.text.slice(0, QUESTION_SHOWN - 1)}…` : q.text }));
  const text = questions.length ? [ctx.t("faq:unanswered.title"), ...lines].join("\n") : ctx.t("faq:unanswered.empty");
  return show(text, new InlineKeyboard().text(ctx.t("menu.back"), adminData.home()));
}

export function adminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = feature.filter((ctx) => ctx.account?.isAdmin === true);

  admins.on("message:text", (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "admin") return next();
    return showAdminHome(ctx, replying(ctx));
  });

  feature.callbackQuery(ADMIN_CALLBACK, async (ctx) => {
    const data = parseAdminCallback(ctx.callbackQuery.data);
    if (!data || !ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.services.assertAdmin(ctx.account.userId); // NotAllowedError, audited, for anyone else
    await ctx.answerCallbackQuery();
    const show = editOrReply(ctx);
    switch (data[1]) {
      case "home": return showAdminHome(ctx, show);
      case "new": return ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION);
      case "find": return ctx.conversation.enter(ADMIN_SEARCH_CONVERSATION);
      case "faq": return showUnanswered(ctx, show);
      case "out": return showUndelivered(ctx, show);
      case "outr": return retryAndShow(ctx, replying(ctx));
      case "r": return showRegionCentres(ctx, show, data[2], data[3]);
      case "s": return showCentreSearch(ctx, show, data[3], data[2]);
      case "edit": return ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION, data[2]);
      case "c": return showCentre(ctx, show, data[2]);
      case "staff": return showStaff(ctx, show, data[2], data[3]);
      case "log": return showAudit(ctx, show, data[2], { action: data[3], centreId: data[4], userId: data[5] });
      case "lk": return showKindChoice(ctx, show, { centreId: data[2], userId: data[3] });
      case "inv": {
        const invitation = await ctx.services.createInvitation(ctx.account.userId, data[2], ctx.deps.now());
        if (!invitation) return ctx.reply(ctx.t("fallback.stale_button"));
        const link = `https://t.me/${ctx.me.username}?start=s${invitation.token}`;
        return ctx.reply(ctx.t("admin:invitation.created", { link, expires: formatDateTime(invitation.expiresAt) }));
      }
      case "rm": {
        const removed = await ctx.services.removeStaff(ctx.account.userId, data[2], data[3], ctx.deps.now());
        const person = removed ? await ctx.services.userById(data[3]) : null;
        if (person && ctx.deps.webAppUrl && !person.roles.includes("staff")) await withdrawDeskMenu(ctx.api, Number(person.telegramId), ctx.log);
        await ctx.reply(ctx.t(removed ? "admin:staff.removed" : "admin:staff.not_member"));
        return showStaff(ctx, replying(ctx), data[2]);
      }
    }
  });

  return feature;
}
