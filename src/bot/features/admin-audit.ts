// The admin's audit log: newest first, in pages, filtered by kind of action, centre or person;
// times in Kazakhstan's time.
import type { AuditView } from "../callback-data/admin.js";
import { auditKeyboard, auditKindsKeyboard } from "../keyboards/admin.js";
import type { ConvContext } from "../context.js";
import { formatDateTime, localName } from "../../presentation/format.js";
import type { Show } from "../show.js";

const ENTITY_ID_SHOWN = 40;

const actionName = (ctx: ConvContext, action: string) =>
  ctx.t(`admin:audit.action.${action}`, { defaultValue: action });

async function filterLines(ctx: ConvContext, view: AuditView): Promise<string[]> {
  const lines: string[] = [];
  if (view.action !== "all") lines.push(ctx.t("admin:audit.filter.kind", { kind: actionName(ctx, view.action) }));
  if (view.centreId) {
    const centre = await ctx.services.admin.centreById(view.centreId);
    lines.push(ctx.t("admin:audit.filter.centre", { centre: centre ? localName(ctx.lang, centre) : "—" }));
  }
  if (view.userId) {
    const user = await ctx.services.accounts.userById(view.userId);
    lines.push(ctx.t("admin:audit.filter.person", { person: user?.firstName ?? String(user?.telegramId ?? "—") }));
  }
  return lines;
}

export async function showAudit(ctx: ConvContext, show: Show, page: number, view: AuditView) {
  const { entries, more } = await ctx.services.admin.auditPage(
    {
      action: view.action === "all" ? undefined : view.action,
      centreId: view.centreId || undefined,
      actorUserId: view.userId || undefined,
    },
    page,
  );
  const lines = entries.map((e) => {
    const count = Number((e.after as { count?: unknown } | null)?.count ?? 1);
    const line = ctx.t("admin:audit.entry", {
      at: formatDateTime(e.at),
      actor: (e.actor?.firstName ?? e.actorName ?? String(e.actor?.telegramId ?? "—")).slice(0, 40),
      action: actionName(ctx, e.action),
      entity: `${e.entity} ${e.entityId ?? ""}`.trim().slice(0, ENTITY_ID_SHOWN),
    });
    return count > 1 ? `${line} ${ctx.t("admin:audit.repeated", { count })}` : line;
  });
  const keyboard = auditKeyboard(ctx.t, view, page, more);
  const title = [ctx.t("admin:audit.title", { page }), ...(await filterLines(ctx, view))];
  return show([...title, "", ...(lines.length ? lines : [ctx.t("admin:audit.empty")])].join("\n"), keyboard);
}

export function showKindChoice(ctx: ConvContext, show: Show, view: Omit<AuditView, "action">) {
  return show(
    ctx.t("admin:audit.choose_kind"),
    auditKindsKeyboard(ctx.t, view, (action) => actionName(ctx, action)),
  );
}
