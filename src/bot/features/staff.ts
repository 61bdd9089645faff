// The employment-centre staff's section: the queue, the applicant card and its actions, our
// projects and the import. Only for staff; the services check the centre's districts again.
import { editOrReply, replying } from "../show.js";
import { resolveClaim, showIinClaim, showIinClaims } from "./staff-iin-claims.js";
import { Composer } from "grammy";
import { parseStaffCallback, STAFF_CALLBACK } from "../callback-data/staff.js";
import type { BotContext } from "../context.js";
import { STAFF_TYPED_CONVERSATION, type StaffTask } from "../conversations/staff-typed.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { NotAllowedError } from "../../services/staff.js";
import { parseReportMonth } from "../../domain/report.js";
import { chooseFiguresMonth, importDocument, importHelp, moveProject, showCurrentFigures, showOurProjects, showStaffProject } from "./staff-projects.js";
import { offerDeskMenu } from "../desk-button.js";
import {
  act, projectFilterKeyboard, rejectReasonsKeyboard, rejectWith, showApplicant, showIin, showQueue, staffHomeKeyboard, statusFilterKeyboard,
} from "./staff-queue.js";

export function staffFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const staffOnly = feature.filter((ctx) => ctx.account?.isStaff === true || ctx.account?.isAdmin === true);

  staffOnly.on("message:text", async (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "staff" || !ctx.account?.isStaff) return next();
    await offerDeskMenu(ctx);
    return ctx.reply(ctx.t("staff:home.title"), { reply_markup: staffHomeKeyboard(ctx) });
  });

  staffOnly.on("message:document", async (ctx) => {
    const document = ctx.message.document;
    return importDocument(ctx, {
      name: document.file_name ?? "", size: document.file_size,
      download: async () => ctx.deps.download((await ctx.getFile()).file_path ?? ""),
    });
  });

  feature.callbackQuery(STAFF_CALLBACK, async (ctx) => {
    const data = parseStaffCallback(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    if (!ctx.account?.isStaff) throw new NotAllowedError(); // a staff button from someone who is not: audited
    await ctx.answerCallbackQuery();
    const show = editOrReply(ctx);
    const enter = (task: StaffTask) => ctx.conversation.enter(STAFF_TYPED_CONVERSATION, task);
    switch (data[1]) {
      case "home": return show(ctx.t("staff:home.title"), staffHomeKeyboard(ctx));
      case "q": return showQueue(ctx, show, data[2], data[3], data[4]);
      case "qs": return show(ctx.t("staff:queue.choose_status"), statusFilterKeyboard(ctx, data[3]));
      case "qp": return show(ctx.t("staff:queue.choose_project"), await projectFilterKeyboard(ctx, data[2], data[3] ?? 1));
      case "a": return showApplicant(ctx, show, data[2]);
      case "iin": return showIin(ctx, data[2]);
      case "ref": return act(ctx, data[2], { action: "refer" });
      case "ns": return act(ctx, data[2], { action: "no_show" });
      case "rej": return show(ctx.t("staff:reject_reason.choose"), rejectReasonsKeyboard(ctx, data[2]));
      case "rr": return data[3] === "other" ? enter({ kind: "reject_other", applicationId: data[2] }) : act(ctx, data[2], rejectWith(data[3]));
      case "hire": return enter({ kind: "hire", applicationId: data[2] });
      case "prj": return showOurProjects(ctx, show, data[2] ?? 1);
      case "p": return showStaffProject(ctx, show, data[2]);
      case "st": return data[3] === "commissioned" ? enter({ kind: "commission", projectId: data[2] }) : moveProject(ctx, data[2], data[3]);
      case "imp": return importHelp(ctx);
      case "ic": return showIinClaims(ctx, show, data[2]);
      case "icc": return showIinClaim(ctx, show, data[2]);
      case "icr": return resolveClaim(ctx, replying(ctx), data[2], data[3]);
      case "fy": return chooseFiguresMonth(ctx, show, data[2], data[3]);
      case "fm": {
        const month = parseReportMonth(data[3]);
        if (!month || month.end > ctx.deps.now()) return ctx.reply(ctx.t("report:figures.future_month"));
        await showCurrentFigures(ctx, data[2], month);
        return enter({ kind: "figures", projectId: data[2], month: month.key });
      }
    }
  });

  return feature;
}
