// The employment-centre staff's section: the queue, the applicant card and its actions, our
// projects and the import. Only for staff; the services check the centre's districts again.
import { editOrReply, replying, type Show } from "../show.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import { resolveClaim, showIinClaim, showIinClaims } from "./staff-iin-claims.js";
import { Composer } from "grammy";
import { staffCallbacks } from "../callback-data/staff.js";
import type { BotContext } from "../context.js";
import { STAFF_TYPED_CONVERSATION, type StaffTask } from "../conversations/staff-typed.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { NotAllowedError } from "../../services/staff.js";
import { parseReportMonth } from "../../domain/report.js";
import { CONTRACTOR_INVITATION_TTL_HOURS } from "../../domain/policies.js";
import {
  chooseFiguresMonth,
  importDocument,
  importHelp,
  moveProject,
  showCurrentFigures,
  showOurProjects,
  showStaffProject,
} from "./staff-projects.js";
import { offerDeskMenu } from "../desk-button.js";
import { act, projectFilter, rejectWith, showApplicant, showIin, showQueue, staffHome } from "./staff-queue.js";
import { rejectReasonsKeyboard, statusFilterKeyboard } from "../keyboards/staff.js";

export function staffFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const staffOnly = feature.filter((ctx) => ctx.account?.isStaff === true || ctx.account?.isAdmin === true);

  staffOnly.on("message:text", async (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "staff" || !ctx.account?.isStaff) return next();
    await offerDeskMenu(ctx);
    return ctx.reply(ctx.t("staff:home.title"), { reply_markup: staffHome(ctx) });
  });

  staffOnly.on("message:document", async (ctx) => {
    const document = ctx.message.document;
    return importDocument(ctx, {
      name: document.file_name ?? "",
      size: document.file_size,
      download: async () => ctx.deps.download((await ctx.getFile()).file_path ?? ""),
    });
  });

  /** A staff button: only for staff (anyone else pressing one is refused and audited), answered, then handled. */
  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>, show: Show) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      if (!ctx.account?.isStaff) throw new NotAllowedError();
      await ctx.answerCallbackQuery();
      return handle(ctx, data, editOrReply(ctx));
    });
  /** The IIN requests: staff, and admins (who confirm a move where a centre has no second person). */
  const pressClaims = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>, show: Show) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      if (!ctx.account?.isStaff && !ctx.account?.isAdmin) throw new NotAllowedError();
      await ctx.answerCallbackQuery();
      return handle(ctx, data, editOrReply(ctx));
    });
  const enter = (ctx: BotContext, task: StaffTask) => ctx.conversation.enter(STAFF_TYPED_CONVERSATION, task);
  const s = staffCallbacks;

  press(s.home, (ctx, _data, show) => show(ctx.t("staff:home.title"), staffHome(ctx)));
  press(s.queue, (ctx, { page, status, projectId }, show) => showQueue(ctx, show, page, status, projectId));
  press(s.chooseStatus, (ctx, { projectId }, show) =>
    show(ctx.t("staff:queue.choose_status"), statusFilterKeyboard(ctx.t, projectId)),
  );
  press(s.chooseProject, async (ctx, { status, page }, show) =>
    show(ctx.t("staff:queue.choose_project"), await projectFilter(ctx, status, page ?? 1)),
  );
  press(s.card, (ctx, { applicationId }, show) => showApplicant(ctx, show, applicationId));
  press(s.showIin, (ctx, { applicationId }) => showIin(ctx, applicationId));
  press(s.refer, (ctx, { applicationId }) => act(ctx, applicationId, { action: "refer" }));
  press(s.noShow, (ctx, { applicationId }) => act(ctx, applicationId, { action: "no_show" }));
  press(s.chooseRejectReason, (ctx, { applicationId }, show) =>
    show(ctx.t("staff:reject_reason.choose"), rejectReasonsKeyboard(ctx.t, applicationId)),
  );
  press(s.reject, (ctx, { applicationId, reason }) =>
    reason === "other"
      ? enter(ctx, { kind: "reject_other", applicationId })
      : act(ctx, applicationId, rejectWith(reason)),
  );
  press(s.hire, (ctx, { applicationId }) => enter(ctx, { kind: "hire", applicationId }));
  press(s.projects, (ctx, { page }, show) => showOurProjects(ctx, show, page ?? 1));
  press(s.project, (ctx, { projectId }, show) => showStaffProject(ctx, show, projectId));
  press(s.moveProject, (ctx, { projectId, status }) =>
    status === "commissioned" ? enter(ctx, { kind: "commission", projectId }) : moveProject(ctx, projectId, status),
  );
  press(s.import, (ctx) => importHelp(ctx));
  // Staff of the project's district (or an admin) invite the representative of its contractor.
  pressClaims(s.inviteContractor, async (ctx, { projectId }) => {
    const invitation = await ctx.services.staff.createContractorInvitation(
      ctx.account!.userId,
      projectId,
      ctx.deps.now(),
    );
    if (!invitation) return ctx.reply(ctx.t("contractor:invite.no_contractor"));
    return ctx.reply(
      ctx.t("contractor:invite.link", {
        contractor: invitation.contractor.name,
        bin: invitation.contractor.bin ?? "—",
        hours: CONTRACTOR_INVITATION_TTL_HOURS,
        link: `https://t.me/${ctx.me.username}?start=c${invitation.token}`,
      }),
    );
  });
  pressClaims(s.iinClaims, (ctx, { page }, show) => showIinClaims(ctx, show, page));
  pressClaims(s.iinClaim, (ctx, { claimId }, show) => showIinClaim(ctx, show, claimId));
  pressClaims(s.resolveIinClaim, (ctx, { claimId, decision }) => resolveClaim(ctx, replying(ctx), claimId, decision));
  press(s.figuresYear, (ctx, { projectId, year }, show) => chooseFiguresMonth(ctx, show, projectId, year));
  press(s.figures, async (ctx, { projectId, month: key }) => {
    const month = parseReportMonth(key);
    if (!month || month.end > ctx.deps.now()) return ctx.reply(ctx.t("report:figures.future_month"));
    await showCurrentFigures(ctx, projectId, month);
    return enter(ctx, { kind: "figures", projectId, month: month.key });
  });

  return feature;
}
