// Applying for a referral from a project card, and "My applications".
import { Composer } from "grammy";
import { oneButton, twoButtons } from "../keyboards/common.js";
import { myApplicationsKeyboard, positionsKeyboard } from "../keyboards/seeker.js";
import { relocationAllowance, wageFloor } from "../../domain/rates.js";
import { isStudent } from "../../domain/person.js";
import { ADULT_AGE, RELOCATION_ALLOWANCE_WORKING_DAYS } from "../../domain/rules.js";
import type { ApplyRefusal } from "../../services/applications.js";
import { applicationsCallbacks, applicationsData } from "../callback-data/applications.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import { profileData } from "../callback-data/profile.js";
import type { BotContext, ConvContext } from "../context.js";
import { formatNumber, localName } from "../../presentation/format.js";
import { formatDate } from "../../presentation/format.js";
import { fitLines, pageOf } from "../paging.js";
import { editOrReply, replying, type Show } from "../show.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

function refuse(ctx: ConvContext, refusal: ApplyRefusal) {
  const keyboard =
    refusal === "no_profile" ? oneButton(ctx.t("seeker:profile.register"), profileData.register()) : undefined;
  return ctx.reply(ctx.t(`applications:refusal.${refusal}`, { age: ADULT_AGE }), { reply_markup: keyboard });
}

async function choosePosition(ctx: ConvContext, projectId: number) {
  if (!(await ctx.services.seekers.hasProfile(ctx.account!.userId))) return refuse(ctx, "no_profile");
  const project = await ctx.services.seekers.projectCard(projectId);
  if (!project) return refuse(ctx, "not_found");
  const keyboard = positionsKeyboard(ctx.t, ctx.lang, projectId, project.positions);
  return ctx.reply(ctx.t("applications:choose_position", { project: name(ctx, project) }), { reply_markup: keyboard });
}

async function confirm(ctx: ConvContext, positionId: number) {
  const now = ctx.deps.now();
  const check = await ctx.services.seekers.checkApplication(ctx.account!.userId, positionId, now);
  if (!check.ok) return refuse(ctx, check.refusal!);
  const position = check.position!;
  const lines = [
    ctx.t("applications:confirm", {
      project: name(ctx, position.project),
      profession: name(ctx, position.profession),
      wage: formatNumber(position.monthlyWage, ctx.lang),
    }),
    ctx.t("applications:wage_floor", { floor: formatNumber(wageFloor(now), ctx.lang) }),
  ];
  if (check.relocation)
    lines.push(
      ctx.t("applications:relocation", {
        allowance: formatNumber(relocationAllowance(now), ctx.lang),
        days: RELOCATION_ALLOWANCE_WORKING_DAYS,
      }),
    );
  if (isStudent(check.applicant!)) lines.push(ctx.t("applications:student_work"));
  return ctx.reply(lines.join("\n\n"), {
    reply_markup: twoButtons(
      [ctx.t("applications:confirm_button"), applicationsData.confirm(positionId)],
      [ctx.t("menu.back"), applicationsData.start(position.projectId)],
    ),
  });
}

async function submit(ctx: ConvContext, positionId: number) {
  const userId = ctx.account!.userId;
  const result = await ctx.services.seekers.submitApplication(userId, positionId, ctx.deps.now());
  if (!result.application) return refuse(ctx, result.refusal!);
  const { status, studying } = result.applicant!;
  const documents = [
    ctx.t("applications:documents.identity"),
    ...(status === "student" || studying ? [ctx.t("applications:documents.study")] : []),
  ];
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  return ctx.reply(
    ctx.t("applications:submitted", {
      number: result.application.number,
      documents: documents.map((d) => `• ${d}`).join("\n"),
    }),
  );
}

/** Applications on one page of "my applications": five of the longest names still fit one message. */
const APPLICATIONS_PAGE_SIZE = 5;

export async function showMyApplications(ctx: ConvContext, show: Show, requested = 1) {
  const page = pageOf(
    await ctx.services.seekers.myApplications(ctx.account!.userId),
    requested,
    APPLICATIONS_PAGE_SIZE,
  );
  if (page.items.length === 0) return ctx.reply(ctx.t("applications:none"));
  const keyboard = myApplicationsKeyboard(ctx.t, page);
  const lines = page.items.map((a) => {
    return ctx.t("applications:item", {
      number: a.number,
      project: name(ctx, a.project),
      profession: name(ctx, a.position.profession),
      status: ctx.t(`applications:status.${a.status}`),
      date: formatDate(a.submittedAt),
    });
  });
  const title =
    page.pages > 1
      ? [ctx.t("applications:title"), ctx.t("applications:page", { page: page.page, pages: page.pages })]
      : [ctx.t("applications:title")];
  return show(
    fitLines(title, lines, (count) => ctx.t("applications:more", { count }), "\n\n"),
    keyboard,
  );
}

export function applicationsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      if (!ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
      await ctx.answerCallbackQuery();
      return handle(ctx, data);
    });
  const c = applicationsCallbacks;
  // The first page comes as a new message; the pages after it replace the list.
  press(c.mine, (ctx, { page }) =>
    page ? showMyApplications(ctx, editOrReply(ctx), page) : showMyApplications(ctx, replying(ctx)),
  );
  press(c.start, (ctx, { projectId }) => choosePosition(ctx, projectId));
  press(c.position, (ctx, { positionId }) => confirm(ctx, positionId));
  press(c.confirm, (ctx, { positionId }) => submit(ctx, positionId));
  press(c.withdraw, async (ctx, { applicationId }) => {
    const withdrawn = await ctx.services.seekers.withdrawApplication(
      ctx.account!.userId,
      applicationId,
      ctx.deps.now(),
    );
    await ctx.reply(ctx.t(withdrawn ? "applications:withdrawn" : "applications:cannot_withdraw"));
    return showMyApplications(ctx, replying(ctx));
  });
  return feature;
}
