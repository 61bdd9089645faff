// Finding work: projects near a shared location or by region and district, and their cards.
import { Composer } from "grammy";
import type { ListFilter, ProjectPage } from "../../services/projects.js";
import { projectsCallbacks, projectsData } from "../callback-data/projects.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import type { BotContext, ConvContext } from "../context.js";
import { mainMenuKeyboard, menuItemOf } from "../keyboards/main-menu.js";
import {
  jobsMenuKeyboard,
  locationRequestKeyboard,
  projectCardKeyboard,
  projectListKeyboard,
  unitsKeyboard,
  workKindsKeyboard,
} from "../keyboards/projects.js";
import { projectCardText } from "../project-card.js";
import { pointOf } from "../location.js";
import { editOrReply, type Show } from "../show.js";

/** The filter in force: the one carried by the button, or afresh "my professions" when the profile has some. */
async function resolveFilter(ctx: ConvContext, carried: ListFilter | undefined) {
  const professionIds = await ctx.services.seekers.filterProfessions(ctx.account?.userId);
  const filter: ListFilter = carried ?? { mine: professionIds.length > 0, kind: null };
  if (professionIds.length === 0) filter.mine = false;
  return {
    filter,
    query: { professionIds: filter.mine ? professionIds : undefined, kind: filter.kind },
    canFilterMine: professionIds.length > 0,
  };
}

function filterLine(ctx: ConvContext, filter: ListFilter): string {
  const parts = [
    filter.mine && ctx.t("projects:filter.mine_on"),
    filter.kind && ctx.t(`projects:work.${filter.kind}`),
  ].filter(Boolean);
  return parts.length ? `\n${ctx.t("projects:filter.active", { filters: parts.join(", ") })}` : "";
}

async function showNear(ctx: ConvContext, show: Show, lat: number, lon: number, page: number, carried?: ListFilter) {
  const { filter, query, canFilterMine } = await resolveFilter(ctx, carried);
  const result: ProjectPage = await ctx.services.seekers.nearestOpenProjects({ lat, lon }, page, query);
  const text =
    result.items.length === 0
      ? ctx.t(carried?.mine || filter.mine || filter.kind ? "projects:list.empty_filtered" : "projects:list.empty")
      : ctx.t("projects:list.title_near", { page: result.page, pages: result.pages });
  return show(
    text + filterLine(ctx, filter),
    projectListKeyboard(ctx.t, ctx.lang, result, {
      pageData: (p, f = filter) => projectsData.near(lat, lon, p, f),
      back: (p) => projectsData.backToNear(lat, lon, p, filter),
      filter,
      canFilterMine,
    }),
  );
}

async function showDistrict(ctx: ConvContext, show: Show, districtId: number, page: number, carried?: ListFilter) {
  const district = await ctx.services.places.districtById(districtId);
  if (!district) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
  const { filter, query, canFilterMine } = await resolveFilter(ctx, carried);
  const result = await ctx.services.seekers.openProjectsInDistrict(districtId, page, query);
  const name = ctx.lang === "kk" ? district.nameKk : district.nameRu;
  const text =
    result.items.length === 0
      ? ctx.t(filter.mine || filter.kind ? "projects:list.empty_filtered" : "projects:list.empty_district", {
          district: name,
        })
      : ctx.t("projects:list.title_district", { district: name, page: result.page, pages: result.pages });
  return show(
    text + filterLine(ctx, filter),
    projectListKeyboard(ctx.t, ctx.lang, result, {
      pageData: (p, f = filter) => projectsData.district(districtId, p, f),
      back: (p) => projectsData.backToDistrict(districtId, p, filter),
      filter,
      canFilterMine,
      up: [ctx.t("menu.back"), projectsData.districts(district.regionId)],
    }),
  );
}

export async function showProjectCard(ctx: ConvContext, show: Show, projectId: number, back: string) {
  const project = await ctx.services.seekers.projectCard(projectId);
  if (!project) return ctx.reply(ctx.t("projects:card.not_found"));
  const link = `https://t.me/${ctx.me.username}?start=p${project.id}`;
  return show(projectCardText(ctx.t, ctx.lang, project), projectCardKeyboard(ctx.t, project.id, back, link));
}

export function projectsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", (ctx, next) => {
    const item = menuItemOf(ctx.message.text, ctx.deps.i18n);
    if (item === "jobs") return ctx.reply(ctx.t("projects:menu.title"), { reply_markup: jobsMenuKeyboard(ctx.t) });
    if (ctx.message.text === ctx.t("projects:menu.to_menu"))
      return ctx.reply(ctx.t("menu.title"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
    return next();
  });

  feature.on("message:location", async (ctx) => {
    const point = pointOf(ctx.message.location);
    if (!point) return ctx.reply(ctx.t("projects:menu.ask_location"), { reply_markup: locationRequestKeyboard(ctx.t) });
    if (ctx.account) await ctx.services.seekers.rememberLocation(ctx.account.userId, point, ctx.deps.now());
    await ctx.reply(ctx.t("projects:list.near_intro"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
    return showNear(ctx, editOrReply(ctx), point.lat, point.lon, 1);
  });

  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>, show: Show) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      await ctx.answerCallbackQuery();
      return handle(ctx, data, editOrReply(ctx));
    });
  const c = projectsCallbacks;
  press(c.askLocation, (ctx) =>
    ctx.reply(ctx.t("projects:menu.ask_location"), { reply_markup: locationRequestKeyboard(ctx.t) }),
  );
  press(c.regions, async (ctx, _data, show) =>
    show(
      ctx.t("projects:menu.choose_region"),
      unitsKeyboard(await ctx.services.places.regions(), ctx.lang, projectsData.districts),
    ),
  );
  press(c.districts, async (ctx, { regionId }, show) =>
    show(
      ctx.t("projects:menu.choose_district"),
      unitsKeyboard(await ctx.services.places.districtsOf(regionId), ctx.lang, (id) => projectsData.district(id, 1), [
        ctx.t("menu.back"),
        projectsData.regions(),
      ]),
    ),
  );
  press(c.district, (ctx, { districtId, page, filter }, show) => showDistrict(ctx, show, districtId, page, filter));
  press(c.near, (ctx, { lat, lon, page, filter }, show) => showNear(ctx, show, lat, lon, page, filter));
  press(c.kinds, (ctx, { back }, show) => show(ctx.t("projects:filter.choose_kind"), workKindsKeyboard(ctx.t, back)));
  press(c.card, (ctx, { projectId, back }, show) => showProjectCard(ctx, show, projectId, back));
  press(c.map, async (ctx, { projectId }) => {
    const project = await ctx.services.seekers.projectCard(projectId);
    if (!project) return ctx.reply(ctx.t("projects:card.not_found"));
    const kk = ctx.lang === "kk";
    return ctx.replyWithVenue(
      project.lat,
      project.lon,
      kk ? project.nameKk : project.nameRu,
      kk ? project.district.nameKk : project.district.nameRu,
    );
  });

  return feature;
}
