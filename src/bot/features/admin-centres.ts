// The admin's way to every centre: the regions (with how many centres cover each), a region's
// centres in pages, a search by a part of the name, and a centre's card and staff.
import { reportButton } from "./reports.js";
import {
  adminHomeKeyboard,
  centreKeyboard,
  centreListKeyboard,
  noCentreFoundKeyboard,
  staffListKeyboard,
} from "../keyboards/admin.js";
import type { CentrePage } from "../../services/centre-directory.js";
import { adminData } from "../callback-data/admin.js";
import type { ConvContext } from "../context.js";
import { localName } from "../../presentation/format.js";
import type { Show } from "../show.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

export async function showAdminHome(ctx: ConvContext, show: Show) {
  const { regions, withoutDistricts } = await ctx.services.admin.regionsWithCentres();
  const keyboard = adminHomeKeyboard(
    ctx.t,
    ctx.lang,
    regions,
    withoutDistricts,
    reportButton(ctx, { kind: "country" }),
  );
  const total = regions.reduce((sum, r) => sum + r.centres, 0) + withoutDistricts;
  return show(ctx.t("admin:home.title", { count: total }), keyboard);
}

/** A page of centres under a title, with the pages around it and a way back. */
export function centreListScreen(
  ctx: ConvContext,
  show: Show,
  title: string,
  list: CentrePage,
  pageData: (page: number) => string,
  back: string,
) {
  return show(
    [title, ctx.t("admin:centres.page", { page: list.page, pages: list.pages })].join("\n"),
    centreListKeyboard(ctx.t, ctx.lang, list, pageData, back),
  );
}

export async function showRegionCentres(ctx: ConvContext, show: Show, regionId: number, page: number) {
  const region = regionId ? await ctx.services.places.regionById(regionId) : null;
  if (regionId && !region) return ctx.reply(ctx.t("fallback.stale_button"));
  const list = await ctx.services.admin.centresOfRegion(regionId, page);
  const title = region
    ? ctx.t("admin:centres.of_region", { region: name(ctx, region), count: list.total })
    : ctx.t("admin:centres.without_districts", { count: list.total });
  return centreListScreen(ctx, show, title, list, (p) => adminData.region(regionId, p), adminData.home());
}

export async function showCentreSearch(ctx: ConvContext, show: Show, text: string, page: number) {
  const list = await ctx.services.admin.searchCentres(text, page);
  if (list.total === 0) {
    return show(ctx.t("admin:search.nothing", { text }), noCentreFoundKeyboard(ctx.t));
  }
  return centreListScreen(
    ctx,
    show,
    ctx.t("admin:search.found", { text, count: list.total }),
    list,
    (p) => adminData.search(text, p),
    adminData.home(),
  );
}

export async function showCentre(ctx: ConvContext, show: Show, centreId: number) {
  const centre = await ctx.services.admin.centreDetails(centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const text = ctx.t("admin:centre.card", {
    name: name(ctx, centre),
    address: ctx.lang === "kk" ? centre.addressKk : centre.addressRu,
    phone: centre.phone,
    districts: centre.districts.map((d) => name(ctx, d.district)).join(", ") || "—",
    staff: centre.staff.length,
  });
  const regionId = centre.districts[0]?.district.regionId ?? 0;
  return show(text, centreKeyboard(ctx.t, centreId, regionId));
}

/** Staff on one page of the list: two buttons each (remove, their audit log), well under Telegram's 100. */
const STAFF_PAGE_SIZE = 10;

export async function showStaff(ctx: ConvContext, show: Show, centreId: number, requested = 1) {
  const centre = await ctx.services.admin.centreDetails(centreId);
  if (!centre) return ctx.reply(ctx.t("fallback.stale_button"));
  const pages = Math.max(1, Math.ceil(centre.staff.length / STAFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  const members = centre.staff.slice((page - 1) * STAFF_PAGE_SIZE, page * STAFF_PAGE_SIZE).map((member) => ({
    userId: member.userId,
    who: (
      member.user.firstName ?? (member.user.username ? `@${member.user.username}` : String(member.user.telegramId))
    ).slice(0, 40),
  }));
  const keyboard = staffListKeyboard(ctx.t, centreId, members, page, pages);
  const title = ctx.t(centre.staff.length ? "admin:staff.title" : "admin:staff.none", {
    centre: name(ctx, centre),
    count: centre.staff.length,
  });
  return show(pages > 1 ? [title, ctx.t("admin:centres.page", { page, pages })].join("\n") : title, keyboard);
}
