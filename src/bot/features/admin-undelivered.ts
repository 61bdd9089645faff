// The admin's view of the messages the outbox gave up on, and "send them again".
import { undeliveredKeyboard } from "../keyboards/admin.js";
import type { ConvContext } from "../context.js";
import { formatDateTime } from "../../presentation/format.js";
import { shorten } from "../paging.js";
import type { Show } from "../show.js";

const ERROR_SHOWN = 80;

export async function showUndelivered(ctx: ConvContext, show: Show) {
  const { total, blocked, items } = await ctx.services.admin.undelivered();
  const lines = items.map((n) =>
    ctx.t("admin:undelivered.line", {
      at: n.failedAt ? formatDateTime(n.failedAt) : "—",
      kind: ctx.t(`admin:undelivered.kind.${n.kind}`, { defaultValue: n.kind }),
      person: String(n.user.telegramId),
      error: shorten(n.user.blockedAt ? ctx.t("admin:undelivered.blocked_error") : (n.lastError ?? "—"), ERROR_SHOWN),
    }),
  );
  const keyboard = undeliveredKeyboard(ctx.t, total - blocked);
  const head = total
    ? [ctx.t("admin:undelivered.title", { count: total }), ctx.t("admin:undelivered.blocked", { count: blocked })]
    : [ctx.t("admin:undelivered.none")];
  return show([...head, ...lines].join("\n"), keyboard);
}

export async function retryAndShow(ctx: ConvContext, show: Show) {
  const count = await ctx.services.admin.retryUndelivered(ctx.account!.userId, ctx.deps.now());
  await ctx.reply(ctx.t("admin:undelivered.retried", { count }));
  return showUndelivered(ctx, show);
}
