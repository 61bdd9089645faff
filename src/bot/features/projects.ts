// Finding work: projects near a shared location or by region and district, and their cards.
import { Composer } from "grammy";
import {
  districtsOf, nearestOpenProjects, openProjectsInDistrict, projectCard, regions, type ProjectPage,
} from "../../services/projects.js";
import { parseProjectsCallback, projectsData } from "../callback-data/projects.js";
import type { BotContext, ConvContext } from "../context.js";
import { mainMenuKeyboard, menuItemOf } from "../keyboards/main-menu.js";
import { jobsMenuKeyboard, locationRequestKeyboard, projectCardKeyboard, projectListKeyboard, unitsKeyboard } from "../keyboards/projects.js";
import { projectCardText } from "../project-card.js";

type Show = (text: string, markup: Parameters<ConvContext["reply"]>[1]) => Promise<unknown>;

/** Lists edit the message they were opened from; from a typed message or a location, a new one. */
const showerFor = (ctx: ConvContext): Show => (text, other) =>
  ctx.callbackQuery ? ctx.editMessageText(text, other as never) : ctx.reply(text, other);

async function showNear(ctx: ConvContext, show: Show, lat: number, lon: number, page: number) {
  const result: ProjectPage = await nearestOpenProjects(ctx.deps.db, { lat, lon }, page);
  if (result.items.length === 0) return show(ctx.t("projects:list.empty"), undefined);
  return show(ctx.t("projects:list.title_near", { page: result.page, pages: result.pages }), {
    reply_markup: projectListKeyboard(ctx.t, ctx.lang, result, (p) => projectsData.near(lat, lon, p), (p) => projectsData.backToNear(lat, lon, p)),
  });
}

async function showDistrict(ctx: ConvContext, show: Show, districtId: number, page: number) {
  const district = await ctx.deps.db.district.findUnique({ where: { id: districtId } });
  if (!district) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
  const result = await openProjectsInDistrict(ctx.deps.db, districtId, page);
  const name = ctx.lang === "kk" ? district.nameKk : district.nameRu;
  const text = result.items.length === 0
    ? ctx.t("projects:list.empty_district", { district: name })
    : ctx.t("projects:list.title_district", { district: name, page: result.page, pages: result.pages });
  return show(text, {
    reply_markup: projectListKeyboard(ctx.t, ctx.lang, result, (p) => projectsData.district(districtId, p), (p) => projectsData.backToDistrict(districtId, p), [ctx.t("menu.back"), projectsData.districts(district.regionId)]),
  });
}

export async function showProjectCard(ctx: ConvContext, show: Show, projectId: number, back: string) {
  const project = await projectCard(ctx.deps.db, projectId);
  if (!project) return ctx.reply(ctx.t("projects:card.not_found"));
  const link = `https://t.me/${ctx.me.username}?start=p${project.id}`;
  return show(projectCardText(ctx.t, ctx.lang, project), { reply_markup: projectCardKeyboard(ctx.t, project.id, back, link) });
}

export function projectsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", (ctx, next) => {
    const item = menuItemOf(ctx.message.text, ctx.deps.i18n);
    if (item === "jobs") return ctx.reply(ctx.t("projects:menu.title"), { reply_markup: jobsMenuKeyboard(ctx.t) });
    if (ctx.message.text === ctx.t("projects:menu.to_menu")) return ctx.reply(ctx.t("menu.title"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
    return next();
  });

  feature.on("message:location", async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await ctx.reply(ctx.t("projects:list.near_intro"), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });
    return showNear(ctx, showerFor(ctx), latitude, longitude, 1);
  });

  feature.callbackQuery(/^prj:/, async (ctx) => {
    const data = parseProjectsCallback(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.answerCallbackQuery();
    const show = showerFor(ctx);
    switch (data[1]) {
      case "ask":
        return ctx.reply(ctx.t("projects:menu.ask_location"), { reply_markup: locationRequestKeyboard(ctx.t) });
      case "reg":
        return show(ctx.t("projects:menu.choose_region"), { reply_markup: unitsKeyboard(await regions(ctx.deps.db), ctx.lang, projectsData.districts) });
      case "dist":
        return show(ctx.t("projects:menu.choose_district"), {
          reply_markup: unitsKeyboard(await districtsOf(ctx.deps.db, data[2]), ctx.lang, (id) => projectsData.district(id, 1), [ctx.t("menu.back"), projectsData.regions()]),
        });
      case "list":
        return showDistrict(ctx, show, data[2], data[3]);
      case "near":
        return showNear(ctx, show, data[2], data[3], data[4]);
      case "card":
        return showProjectCard(ctx, show, data[2], data[3]);
      case "map": {
        const project = await projectCard(ctx.deps.db, data[2]);
        if (!project) return ctx.reply(ctx.t("projects:card.not_found"));
        const kk = ctx.lang === "kk";
        return ctx.replyWithVenue(project.lat, project.lon, kk ? project.nameKk : project.nameRu, kk ? project.district.nameKk : project.district.nameRu);
      }
    }
  });

  return feature;
}
