// Administration: employment centres, invitation links for their staff, the staff list, the audit log.
import { editOrReply, replying, type Show } from "../show.js";
import { Composer, InlineKeyboard } from "grammy";
import { auditPage, AUDIT_PAGE_SIZE } from "../../services/audit.js";
import { unansweredQuestions } from "../../services/faq/questions.js";
import { assertAdmin, centreDetails, createInvitation, listCentres, removeStaff } from "../../services/centres.js";
import { ADMIN_CALLBACK, adminData, parseAdminCallback } from "../callback-data/admin.js";
import type { BotContext, ConvContext } from "../context.js";
import { CENTRE_EDITOR_CONVERSATION } from "../conversations/centre-editor.js";
import { formatDate, localName } from "../format.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { reportButton } from "./reports.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

async function showHome(ctx: ConvContext, show: Show) {
  const centres = await listCentres(ctx.deps.db);
  const keyboard = new InlineKeyboard();
  for (const centre of centres.slice(0, 40)) keyboard.text(`${name(ctx, centre)} · ${centre._count.staff}`, adminData.centre(centre.id)).row();
  keyboard.text(ctx.t("admin:home.new_centre"), adminData.newCentre()).row().text(ctx.t("admin:home.audit"), adminData.log(1))
    .row().text(...reportButton(ctx, { kind: "country" }))
    .row().text(ctx.t("faq:unanswered.button"), adminData.unanswered());
  return show(ctx.t("admin:home.title", { count: centres.length }), keyboard);
}

async function showCentre(ctx: ConvContext, show: Show, centreId: number) {
  const centre = await centreDetails(ctx.deps.db, centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const text = ctx.t("admin:centre.card", {
    name: name(ctx, centre), address: ctx.lang === "kk" ? centre.addressKk : centre.addressRu, phone: centre.phone,
    districts: centre.districts.map((d) => name(ctx, d.district)).join(", ") || "—", staff: centre.staff.length,
  });
  return show(text, new InlineKeyboard()
    .text(ctx.t("admin:centre.edit"), adminData.edit(centreId)).row()
    .text(ctx.t("admin:centre.invite"), adminData.invite(centreId)).row()
    .text(ctx.t("admin:centre.staff"), adminData.staff(centreId)).row()
    .text(ctx.t("menu.back"), adminData.home()));
}

async function showStaff(ctx: ConvContext, show: Show, centreId: number) {
  const centre = await centreDetails(ctx.deps.db, centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const keyboard = new InlineKeyboard();
  for (const member of centre.staff) {
    const who = member.user.firstName ?? (member.user.username ? `@${member.user.username}` : String(member.user.telegramId));
    keyboard.text(ctx.t("admin:staff.remove", { person: who }), adminData.remove(centreId, member.userId)).row();
  }
  keyboard.text(ctx.t("menu.back"), adminData.centre(centreId));
  return show(ctx.t(centre.staff.length ? "admin:staff.title" : "admin:staff.none", { centre: name(ctx, centre), count: centre.staff.length }), keyboard);
}

async function showAudit(ctx: ConvContext, show: Show, page: number) {
  const entries = await auditPage(ctx.deps.db, page);
  const lines = entries.map((e) => ctx.t("admin:audit.entry", {
    at: `${formatDate(e.at)} ${e.at.toISOString().slice(11, 16)}`, actor: e.actor?.firstName ?? String(e.actor?.telegramId ?? "—"),
    action: ctx.t(`admin:audit.action.${e.action}`, { defaultValue: e.action }), entity: `${e.entity} ${e.entityId ?? ""}`.trim(),
  }));
  const keyboard = new InlineKeyboard();
  if (page > 1) keyboard.text("◀️", adminData.log(page - 1));
  if (entries.length === AUDIT_PAGE_SIZE) keyboard.text("▶️", adminData.log(page + 1));
  keyboard.row().text(ctx.t("menu.back"), adminData.home());
  return show([ctx.t("admin:audit.title", { page }), ...lines].join("\n") || ctx.t("admin:audit.empty"), keyboard);
}

async function showUnanswered(ctx: ConvContext, show: Show) {
  const questions = await unansweredQuestions(ctx.deps.db);
  const lines = questions.map((q) => ctx.t("faq:unanswered.line", { count: q.count, text: q.text.length > 150 ? `${q.text.slice(0, 149)}…` : q.text }));
  const text = questions.length ? [ctx.t("faq:unanswered.title"), ...lines].join("\n") : ctx.t("faq:unanswered.empty");
  return show(text, new InlineKeyboard().text(ctx.t("menu.back"), adminData.home()));
}

export function adminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = feature.filter((ctx) => ctx.account?.isAdmin === true);

  admins.on("message:text", (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "admin") return next();
    return showHome(ctx, replying(ctx));
  });

  feature.callbackQuery(ADMIN_CALLBACK, async (ctx) => {
    const data = parseAdminCallback(ctx.callbackQuery.data);
    if (!data || !ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await assertAdmin(ctx.deps.db, ctx.account.userId); // NotAllowedError, audited, for anyone else
    await ctx.answerCallbackQuery();
    const show = editOrReply(ctx);
    switch (data[1]) {
      case "home": return showHome(ctx, show);
      case "new": return ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION);
      case "faq": return showUnanswered(ctx, show);
      case "edit": return ctx.conversation.enter(CENTRE_EDITOR_CONVERSATION, data[2]);
      case "c": return showCentre(ctx, show, data[2]);
      case "staff": return showStaff(ctx, show, data[2]);
      case "log": return showAudit(ctx, show, data[2]);
      case "inv": {
        const invitation = await createInvitation(ctx.deps.db, ctx.account.userId, data[2], ctx.deps.now());
        if (!invitation) return ctx.reply(ctx.t("fallback.stale_button"));
        const { token, expiresAt } = invitation;
        const link = `https://t.me/${ctx.me.username}?start=s${token}`;
        return ctx.reply(ctx.t("admin:invitation.created", { link, expires: `${formatDate(expiresAt)} ${expiresAt.toISOString().slice(11, 16)}` }));
      }
      case "rm": {
        const removed = await removeStaff(ctx.deps.db, ctx.deps.outbox, ctx.account.userId, data[2], data[3], ctx.deps.now());
        await ctx.reply(ctx.t(removed ? "admin:staff.removed" : "admin:staff.not_member"));
        return showStaff(ctx, replying(ctx), data[2]);
      }
    }
  });

  return feature;
}
