// The monthly monitoring report on request: staff for their centres' districts, admins for a
// region or the country; a month is chosen, then the summary, the chart and the files come.
import { editOrReply } from "../show.js";
import { Composer } from "grammy";
import { reportScopesKeyboard } from "../keyboards/reports.js";
import { parseReportMonth } from "../../domain/report.js";
import type { ReportScope } from "../../services/reports/report-scope.js";
import { reportCallbacks, reportData } from "../callback-data/reports.js";
import { onPress } from "../callback-route.js";
import { staffData } from "../callback-data/staff.js";
import type { BotContext, ConvContext } from "../context.js";
import { lastEndedYear, monthPicker } from "../keyboards/month-picker.js";
import { monthName, reportBundle } from "../../presentation/reports/report-bundle.js";
import { sendReportBundle } from "../send-files.js";

/** The button that opens the report from the staff or the admin home. */
export const reportButton = (ctx: ConvContext, scope: ReportScope) =>
  [
    ctx.t("report:menu_button"),
    scope.kind === "mine" ? reportData.year(scope, lastEndedYear(ctx.deps.now())) : reportData.scopes(),
  ] as const;

async function scopesKeyboard(ctx: ConvContext) {
  return reportScopesKeyboard(ctx.t, ctx.lang, await ctx.services.places.regions(), lastEndedYear(ctx.deps.now()));
}

async function sendReport(ctx: ConvContext, scope: ReportScope, monthKey: string) {
  const month = parseReportMonth(monthKey);
  if (!month || month.end > ctx.deps.now()) return ctx.reply(ctx.t("fallback.stale_button"));
  const resolved = await ctx.services.reports.resolveScope(ctx.account!.userId, scope);
  // A first start loads the demo history after the bot answers: its reports would be partial until then.
  if (ctx.deps.demoLoading?.()) return ctx.reply(ctx.t("report:demo_loading"));
  await ctx.reply(ctx.t("report:preparing", { month: monthName(ctx.t, month) }));
  const report = await ctx.services.reports.buildMonthlyReport(resolved.districtIds, month);
  await sendReportBundle(ctx.api, ctx.chat!.id, await reportBundle(report, resolved, ctx.lang, ctx.t));
}

export function reportsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const answered = (ctx: BotContext) =>
    ctx.account
      ? ctx.answerCallbackQuery().then(() => true)
      : ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") }).then(() => false);
  onPress(feature, reportCallbacks.scopes, async (ctx) => {
    if (!(await answered(ctx))) return;
    await ctx.services.admin.assertAdmin(ctx.account!.userId);
    return editOrReply(ctx)(ctx.t("report:choose_scope"), await scopesKeyboard(ctx));
  });
  onPress(feature, reportCallbacks.year, async (ctx, { scope, year }) => {
    if (!(await answered(ctx))) return;
    await ctx.services.reports.resolveScope(ctx.account!.userId, scope);
    return editOrReply(ctx)(
      ctx.t("report:choose_month", { year }),
      monthPicker(ctx.t, year, ctx.deps.now(), {
        month: (key) => reportData.month(scope, key),
        year: (y) => reportData.year(scope, y),
        back: scope.kind === "mine" ? staffData.home() : reportData.scopes(),
      }),
    );
  });
  onPress(feature, reportCallbacks.month, async (ctx, { scope, month }) => {
    if (!(await answered(ctx))) return;
    return sendReport(ctx, scope, month);
  });
  return feature;
}
