// Administration: employment centres (by region or by name), invitation links for their staff,
// the staff list, the audit log and the unanswered questions.
import { oneButton } from "../keyboards/common.js";
import { editOrReply, replying, type Show } from "../show.js";
import { Composer } from "grammy";
import { adminCallbacks, adminData } from "../callback-data/admin.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import type { BotContext, ConvContext } from "../context.js";
import { ADMIN_SEARCH_CONVERSATION } from "../conversations/admin-search.js";
import { CENTRE_EDITOR_CONVERSATION } from "../conversations/centre-editor.js";
import { formatDateTime } from "../../presentation/format.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { showAudit, showKindChoice } from "./admin-audit.js";
import { retryAndShow, showUndelivered } from "./admin-undelivered.js";
import { showAdminHome, showCentre, showCentreSearch, showRegionCentres, showStaff } from "./admin-centres.js";
import { withdrawDeskMenu } from "../desk-button.js";

const QUESTION_SHOWN = 150;

async function showUnanswered(ctx: ConvContext, show: Show) {
  const questions = await ctx.services.admin.unansweredQuestions();
  const lines = questions.map((q) =>
    ctx.t("faq:unanswered.line", {
      count: q.count,
      text: q.text.length > QUESTION_SHOWN ? `${q.text.slice(0, QUESTION_SHOWN - 1)}…` : q.text,
    }),
  );
  const text = questions.length ? [ctx.t("faq:unanswered.title"), ...lines].join("\n") : ctx.t("faq:unanswered.empty");
  return show(text, oneButton(ctx.t("menu.back"), adminData.home()));
}

export function adminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = feature.filter((ctx) => ctx.account?.isAdmin === true);

  admins.on("message:text", (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "admin") return next();
    return showAdminHome(ctx, replying(ctx));
  });

  /** An admin button: checked against the admin role (anyone else is refused and audited), answered, then handled. */
  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>, show: Show) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      if (!ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
      await ctx.services.admin.assertAdmin(ctx.account.userId); // NotAllowedError, audited, for anyone else
      await ctx.answerCallbackQuery();
      return handle(ctx, data, editOrReply(ctx));
    });
  const a = adminCallbacks;

  press(a.home, (ctx, _data, show) => showAdminHome(ctx, show));
  press(a.newCentre, (ctx) => ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION));
  press(a.find, (ctx) => ctx.conversation.enter(ADMIN_SEARCH_CONVERSATION));
  press(a.unanswered, (ctx, _data, show) => showUnanswered(ctx, show));
  press(a.undelivered, (ctx, _data, show) => showUndelivered(ctx, show));
  press(a.retryUndelivered, (ctx) => retryAndShow(ctx, replying(ctx)));
  press(a.region, (ctx, { regionId, page }, show) => showRegionCentres(ctx, show, regionId, page));
  press(a.search, (ctx, { page, text }, show) => showCentreSearch(ctx, show, text, page));
  press(a.edit, (ctx, { centreId }) => ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION, centreId));
  press(a.centre, (ctx, { centreId }, show) => showCentre(ctx, show, centreId));
  press(a.staff, (ctx, { centreId, page }, show) => showStaff(ctx, show, centreId, page));
  press(a.log, (ctx, { page, action, centreId, userId }, show) =>
    showAudit(ctx, show, page, { action, centreId, userId }),
  );
  press(a.chooseKind, (ctx, view, show) => showKindChoice(ctx, show, view));
  press(a.invite, async (ctx, { centreId }) => {
    const invitation = await ctx.services.admin.createInvitation(ctx.account!.userId, centreId, ctx.deps.now());
    if (!invitation) return ctx.reply(ctx.t("fallback.stale_button"));
    const link = `https://t.me/${ctx.me.username}?start=s${invitation.token}`;
    return ctx.reply(ctx.t("admin:invitation.created", { link, expires: formatDateTime(invitation.expiresAt) }));
  });
  press(a.remove, async (ctx, { centreId, userId }) => {
    const removed = await ctx.services.admin.removeStaff(ctx.account!.userId, centreId, userId, ctx.deps.now());
    const person = removed ? await ctx.services.accounts.userById(userId) : null;
    if (person && ctx.deps.webAppUrl && !person.roles.includes("staff"))
      await withdrawDeskMenu(ctx.api, Number(person.telegramId), ctx.log);
    await ctx.reply(ctx.t(removed ? "admin:staff.removed" : "admin:staff.not_member"));
    return showStaff(ctx, replying(ctx), centreId);
  });

  return feature;
}
