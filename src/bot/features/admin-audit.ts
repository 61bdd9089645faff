// The admin's audit log: newest first, in pages, filtered by kind of action, centre or person;
// times in Kazakhstan's time.
import { InlineKeyboard } from "grammy";
import { AUDIT_ACTIONS } from "../../services/audit.js";
import { adminData, type AuditView } from "../callback-data/admin.js";
import type { ConvContext } from "../context.js";
import { formatDateTime, localName } from "../format.js";
import type { Show } from "../show.js";

const ENTITY_ID_SHOWN = 40;

const actionName = (ctx: ConvContext, action: string) => ctx.t(`admin:audit.action.${action}`, { defaultValue: action });

async function filterLines(ctx: ConvContext, view: AuditView): Promise<string[]> {
  const lines: string[] = [];
  if (view.action !== "all") lines.push(ctx.t("admin:audit.filter.kind", { kind: actionName(ctx, view.action) }));
  if (view.centreId) {
    const centre = await ctx.services.centreById(view.centreId);
    lines.push(ctx.t("admin:audit.filter.centre", { centre: centre ? localName(ctx.lang, centre) : "—" }));
  }
  if (view.userId) {
    const user = await ctx.services.userById(view.userId);
    lines.push(ctx.t("admin:audit.filter.person", { person: user?.firstName ?? String(user?.telegramId ?? "—") }));
  }
  return lines;
}

export async function showAudit(ctx: ConvContext, show: Show, page: number, view: AuditView) {
  const { entries, more } = await ctx.services.auditPage({
    action: view.action === "all" ? undefined : view.action, centreId: view.centreId || undefined, actorUserId: view.userId || undefined,
  }, page);
  const lines = entries.map((e) => {
    const count = Number((e.after as { count?: unknown } | null)?.count ?? 1);
    const line = ctx.t("admin:audit.entry", {
      at: formatDateTime(e.at), actor: (e.actor?.firstName ?? String(e.actor?.telegramId ?? "—")).slice(0, 40), action: actionName(ctx, e.action),
      entity: `${e.entity} ${e.entityId ?? ""}`.trim().slice(0, ENTITY_ID_SHOWN),
    });
    return count > 1 ? `${line} ${ctx.t("admin:audit.repeated", { count })}` : line;
  });
  const keyboard = new InlineKeyboard();
  if (page > 1) keyboard.text("◀️", adminData.log(page - 1, view));
  if (more) keyboard.text("▶️", adminData.log(page + 1, view));
  keyboard.row().text(ctx.t("admin:audit.choose_kind"), adminData.chooseKind(view));
  if (view.action !== "all" || view.centreId || view.userId) keyboard.row().text(ctx.t("admin:audit.clear"), adminData.log(1));
  keyboard.row().text(ctx.t("menu.back"), view.centreId ? adminData.centre(view.centreId) : adminData.home());
  const title = [ctx.t("admin:audit.title", { page }), ...(await filterLines(ctx, view))];
  return show([...title, "", ...(lines.length ? lines : [ctx.t("admin:audit.empty")])].join("\n"), keyboard);
}

export function showKindChoice(ctx: ConvContext, show: Show, view: Omit<AuditView, "action">) {
  const keyboard = new InlineKeyboard().text(ctx.t("admin:audit.all_kinds"), adminData.log(1, { ...view, action: "all" })).row();
  AUDIT_ACTIONS.forEach((action, i) => {
    keyboard.text(actionName(ctx, action), adminData.log(1, { ...view, action }));
    if (i % 2 === 1) keyboard.row();
  });
  return show(ctx.t("admin:audit.choose_kind"), keyboard.row().text(ctx.t("menu.back"), adminData.log(1, { ...view, action: "all" })));
}
