// A contractor's representative: their contractor's projects with the referral quota, the people
// referred to each, and what became of each referral (hired, did not come, not hired). A record is
// the staff's own action with the contractor as its actor: the person is told once, staff see who
// recorded it. A referral's QR code opened by the project's representative shows the same buttons.
import { Composer } from "grammy";
import { formatDate, formatNumber, localName } from "../../presentation/format.js";
import { NotAllowedError } from "../../services/staff.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { contractorCallbacks as ctr } from "../callback-data/contractor.js";
import { onPress } from "../callback-route.js";
import type { BotContext } from "../context.js";
import { STAFF_TYPED_CONVERSATION, type StaffTask } from "../conversations/staff-typed.js";
import {
  contractorProjectsKeyboard,
  contractorReasonsKeyboard,
  referredPeopleKeyboard,
  referredPersonKeyboard,
} from "../keyboards/contractor.js";
import { menuItemOf } from "../keyboards/main-menu.js";
import { fitLines, shorten } from "../paging.js";
import { editOrReply, replying, type Show } from "../show.js";
import { actionReply } from "./staff-queue.js";

/** A button a project: the rest are counted in the text (Telegram allows 100 buttons a message). */
const PROJECT_BUTTONS = 50;

export async function showContractorProjects(ctx: BotContext, show: Show) {
  const projects = await ctx.services.contractors.contractorProjects(ctx.account!.userId);
  if (!projects.length) return show(ctx.t("contractor:projects.empty"));
  const lines = projects.map((p) =>
    ctx.t("contractor:projects.line", {
      project: shorten(localName(ctx.lang, p), 200),
      jobs: formatNumber(p.jobs, ctx.lang),
      quota: formatNumber(p.quota, ctx.lang),
      referred: formatNumber(p.referred, ctx.lang),
      hired: formatNumber(p.hired, ctx.lang),
    }),
  );
  const shown = projects.slice(0, PROJECT_BUTTONS);
  return show(
    fitLines(
      [ctx.t("contractor:projects.title")],
      lines,
      (count) => ctx.t("contractor:projects.more", { count }),
      "\n\n",
    ),
    contractorProjectsKeyboard(shown.map((p) => ({ id: p.id, label: shorten(localName(ctx.lang, p), 60) }))),
  );
}

async function showReferredPeople(ctx: BotContext, show: Show, projectId: number) {
  const people = await ctx.services.contractors.referredToProject(ctx.account!.userId, projectId);
  const [project] = (await ctx.services.contractors.contractorProjects(ctx.account!.userId)).filter(
    (p) => p.id === projectId,
  );
  const title = ctx.t("contractor:people.title", { project: project ? localName(ctx.lang, project) : "—" });
  if (!people.length) return show(`${title}\n\n${ctx.t("contractor:people.empty")}`, referredPeopleKeyboard(ctx.t, []));
  const label = (p: (typeof people)[number]) =>
    shorten(
      `${p.status === "referred" ? "⏳" : "✔️"} ${p.fullName ?? ctx.t("contractor:people.no_name")} · ${p.referralNumber} · ${localName(ctx.lang, p)} · ${formatDate(p.referredAt!)}`,
      60,
    );
  return show(
    title,
    referredPeopleKeyboard(
      ctx.t,
      people.map((p) => ({ id: p.applicationId, label: label(p) })),
    ),
  );
}

/** One referred person: the referral, the position, its state and the outcome's buttons while it waits for one. */
export async function showReferredPerson(ctx: BotContext, show: Show, applicationId: number) {
  const person = await ctx.services.contractors.referredPerson(ctx.account!.userId, applicationId);
  const status = ctx.t(`applications:status.${person.status}`);
  const by = person.outcomeBy === "contractor" ? ` (${ctx.t("contractor:recorded_by")})` : "";
  return show(
    ctx.t("contractor:person.card", {
      referral: person.referralNumber,
      date: formatDate(person.referredAt!),
      name: person.fullName ?? ctx.t("contractor:people.no_name"),
      project: localName(ctx.lang, { nameKk: person.projectKk, nameRu: person.projectRu }),
      profession: localName(ctx.lang, person),
      wage: formatNumber(person.monthlyWage, ctx.lang),
      status: `${status}${by}`,
    }),
    referredPersonKeyboard(ctx.t, applicationId, person.projectId, person.status === "referred"),
  );
}

export function contractorFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx, next) => {
    if (menuItemOf(ctx.message.text, ctx.deps.i18n) !== "contractor" || !ctx.account?.isContractor) return next();
    return showContractorProjects(ctx, replying(ctx));
  });

  /** A representative's button: only for representatives (the services check the contractor again). */
  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>, show: Show) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      if (!ctx.account?.isContractor) throw new NotAllowedError();
      await ctx.answerCallbackQuery();
      return handle(ctx, data, editOrReply(ctx));
    });

  const record = async (
    ctx: BotContext,
    applicationId: number,
    input: { action: "no_show" } | { action: "reject"; reason: "requirements" | "position_filled" },
  ) => {
    const result = await ctx.services.contractors.recordOutcome(
      ctx.account!.userId,
      applicationId,
      input,
      ctx.deps.now(),
    );
    await ctx.reply(result.ok ? ctx.t("contractor:person.recorded") : actionReply(ctx, input, result));
    return showReferredPerson(ctx, replying(ctx), applicationId);
  };

  press(ctr.projects, (ctx, _data, show) => showContractorProjects(ctx, show));
  press(ctr.project, (ctx, { projectId }, show) => showReferredPeople(ctx, show, projectId));
  press(ctr.person, (ctx, { applicationId }, show) => showReferredPerson(ctx, show, applicationId));
  press(ctr.noShow, (ctx, { applicationId }) => record(ctx, applicationId, { action: "no_show" }));
  press(ctr.notHired, (ctx, { applicationId }, show) =>
    show(ctx.t("contractor:person.reason_ask"), contractorReasonsKeyboard(ctx.t, applicationId)),
  );
  press(ctr.reason, (ctx, { applicationId, reason }) => record(ctx, applicationId, { action: "reject", reason }));
  press(ctr.hire, async (ctx, { applicationId }) => {
    // The same typed questions as staff's hire (contract date, wage with the programme's floor).
    await ctx.services.contractors.referredPerson(ctx.account!.userId, applicationId);
    const task: StaffTask = { kind: "contractor_hire", applicationId };
    await ctx.conversation.enter(STAFF_TYPED_CONVERSATION, task);
  });
  return feature;
}
