// The admin's way to every centre: the regions (with how many centres cover each), a region's
// centres in pages, a search by a part of the name, and a centre's card and staff.
import { reportButton } from "./reports.js";
import { InlineKeyboard } from "grammy";
import { type CentrePage } from "../../services/centre-directory.js";
import { adminData } from "../callback-data/admin.js";
import type { ConvContext } from "../context.js";
import { localName } from "../format.js";
import type { Show } from "../show.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

export async function showAdminHome(ctx: ConvContext, show: Show) {
  const { regions, withoutDistricts } = await ctx.services.regionsWithCentres();
  const keyboard = new InlineKeyboard();
  for (const region of regions) keyboard.text(ctx.t("admin:home.region", { region: name(ctx, region), count: region.centres }), adminData.region(region.id)).row();
  if (withoutDistricts) keyboard.text(ctx.t("admin:home.without_districts", { count: withoutDistricts }), adminData.region(0)).row();
  keyboard.text(ctx.t("admin:home.find"), adminData.find()).row()
    .text(ctx.t("admin:home.new_centre"), adminData.newCentre()).row()
    .text(ctx.t("admin:home.audit"), adminData.log(1)).row()
    .text(ctx.t("admin:home.undelivered"), adminData.undelivered()).row()
    .text(...reportButton(ctx, { kind: "country" })).row()
    .text(ctx.t("faq:unanswered.button"), adminData.unanswered());
  const total = regions.reduce((sum, r) => sum + r.centres, 0) + withoutDistricts;
  return show(ctx.t("admin:home.title", { count: total }), keyboard);
}

/** A page of centres under a title, with the pages around it and a way back. */
export function centreListScreen(ctx: ConvContext, show: Show, title: string, list: CentrePage, pageData: (page: number) => string, back: string) {
  const keyboard = new InlineKeyboard();
  for (const centre of list.items) keyboard.text(ctx.t("admin:centres.line", { centre: name(ctx, centre), staff: centre.staff }), adminData.centre(centre.id)).row();
  if (list.page > 1) keyboard.text("◀️", pageData(list.page - 1));
  if (list.page < list.pages) keyboard.text("▶️", pageData(list.page + 1));
  keyboard.row().text(ctx.t("menu.back"), back);
  return show([title, ctx.t("admin:centres.page", { page: list.page, pages: list.pages })].join("\n"), keyboard);
}

export async function showRegionCentres(ctx: ConvContext, show: Show, regionId: number, page: number) {
  const region = regionId ? await ctx.services.regionById(regionId) : null;
  if (regionId && !region) return ctx.reply(ctx.t("fallback.stale_button"));
  const list = await ctx.services.centresOfRegion(regionId, page);
  const title = region ? ctx.t("admin:centres.of_region", { region: name(ctx, region), count: list.total }) : ctx.t("admin:centres.without_districts", { count: list.total });
  return centreListScreen(ctx, show, title, list, (p) => adminData.region(regionId, p), adminData.home());
}

export async function showCentreSearch(ctx: ConvContext, show: Show, text: string, page: number) {
  const list = await ctx.services.searchCentres(text, page);
  if (list.total === 0) {
    return show(ctx.t("admin:search.nothing", { text }), new InlineKeyboard().text(ctx.t("admin:home.find"), adminData.find()).row().text(ctx.t("menu.back"), adminData.home()));
  }
  return centreListScreen(ctx, show, ctx.t("admin:search.found", { text, count: list.total }), list, (p) => adminData.search(text, p), adminData.home());
}

export async function showCentre(ctx: ConvContext, show: Show, centreId: number) {
  const centre = await ctx.services.centreDetails(centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const text = ctx.t("admin:centre.card", {
    name: name(ctx, centre), address: ctx.lang === "kk" ? centre.addressKk : centre.addressRu, phone: centre.phone,
    districts: centre.districts.map((d) => name(ctx, d.district)).join(", ") || "—", staff: centre.staff.length,
  });
  const regionId = centre.districts[0]?.district.regionId ?? 0;
  return show(text, new InlineKeyboard()
    .text(ctx.t("admin:centre.edit"), adminData.edit(centreId)).row()
    .text(ctx.t("admin:centre.invite"), adminData.invite(centreId)).row()
    .text(ctx.t("admin:centre.staff"), adminData.staff(centreId)).row()
    .text(ctx.t("admin:centre.audit"), adminData.log(1, { action: "all", centreId, userId: 0 })).row()
    .text(ctx.t("menu.back"), adminData.region(regionId)));
}

/** Staff on one page of the list: two buttons each (remove, their audit log), well under Telegram's 100. */
const STAFF_PAGE_SIZE = 10;

export async function showStaff(ctx: ConvContext, show: Show, centreId: number, requested = 1) {
  const centre = await ctx.services.centreDetails(centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const pages = Math.max(1, Math.ceil(centre.staff.length / STAFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  const keyboard = new InlineKeyboard();
  for (const member of centre.staff.slice((page - 1) * STAFF_PAGE_SIZE, page * STAFF_PAGE_SIZE)) {
    const who = (member.user.firstName ?? (member.user.username ? `@${member.user.username}` : String(member.user.telegramId))).slice(0, 40);
    keyboard.text(ctx.t("admin:staff.remove", { person: who }), adminData.remove(centreId, member.userId))
      .text(ctx.t("admin:staff.audit"), adminData.log(1, { action: "all", centreId: 0, userId: member.userId })).row();
  }
  if (page > 1) keyboard.text("◀️", adminData.staff(centreId, page - 1));
  if (page < pages) keyboard.text("▶️", adminData.staff(centreId, page + 1));
  keyboard.row().text(ctx.t("menu.back"), adminData.centre(centreId));
  const title = ctx.t(centre.staff.length ? "admin:staff.title" : "admin:staff.none", { centre: name(ctx, centre), count: centre.staff.length });
  return show(pages > 1 ? [title, ctx.t("admin:centres.page", { page, pages })].join("\n") : title, keyboard);
}
