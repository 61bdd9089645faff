// The admin section's keyboards: home, lists of centres, a centre and its staff, the audit log and
// its kinds, the undelivered messages. The screens (features/admin-*.ts) give them their data.
import { InlineKeyboard } from "grammy";
import { AUDIT_ACTIONS } from "../../services/audit.js";
import { adminData, centreEditorCallbacks as editor, type AuditView } from "../callback-data/admin.js";
import { staffData } from "../callback-data/staff.js";
import { localName, type Named } from "../../presentation/format.js";
import type { Lang, Translate } from "../../presentation/i18n.js";
import { unitsKeyboard } from "./projects.js";

/** Every region with its count of centres, the centres without districts, and the admin's tools. */
export function adminHomeKeyboard(
  t: Translate,
  lang: Lang,
  regions: Array<{ id: number; centres: number } & Named>,
  withoutDistricts: number,
  reportButton: readonly [string, string],
) {
  const keyboard = new InlineKeyboard();
  for (const region of regions)
    keyboard
      .text(
        t("admin:home.region", { region: localName(lang, region), count: region.centres }),
        adminData.region(region.id),
      )
      .row();
  if (withoutDistricts)
    keyboard.text(t("admin:home.without_districts", { count: withoutDistricts }), adminData.region(0)).row();
  return keyboard
    .text(t("admin:home.find"), adminData.find())
    .row()
    .text(t("admin:home.new_centre"), adminData.newCentre())
    .row()
    .text(t("admin:home.audit"), adminData.log(1))
    .row()
    .text(t("admin:home.undelivered"), adminData.undelivered())
    .row()
    .text(t("admin:home.iin_claims"), staffData.iinClaims())
    .row()
    .text(...reportButton)
    .row()
    .text(t("faq:unanswered.button"), adminData.unanswered());
}

/** The pages before and after `page` as ◀️ ▶️, then a way back. */
function withPagesAndBack(
  keyboard: InlineKeyboard,
  t: Translate,
  page: number,
  hasMore: boolean,
  pageData: (page: number) => string,
  back: string,
) {
  if (page > 1) keyboard.text("◀️", pageData(page - 1));
  if (hasMore) keyboard.text("▶️", pageData(page + 1));
  return keyboard.row().text(t("menu.back"), back);
}

export function centreListKeyboard(
  t: Translate,
  lang: Lang,
  list: { items: Array<{ id: number; staff: number } & Named>; page: number; pages: number },
  pageData: (page: number) => string,
  back: string,
) {
  const keyboard = new InlineKeyboard();
  for (const centre of list.items)
    keyboard
      .text(
        t("admin:centres.line", { centre: localName(lang, centre), staff: centre.staff }),
        adminData.centre(centre.id),
      )
      .row();
  return withPagesAndBack(keyboard, t, list.page, list.page < list.pages, pageData, back);
}

/** Nothing found: search again, or back. */
export const noCentreFoundKeyboard = (t: Translate) =>
  new InlineKeyboard().text(t("admin:home.find"), adminData.find()).row().text(t("menu.back"), adminData.home());

export function centreKeyboard(t: Translate, centreId: number, regionId: number) {
  return new InlineKeyboard()
    .text(t("admin:centre.edit"), adminData.edit(centreId))
    .row()
    .text(t("admin:centre.invite"), adminData.invite(centreId))
    .row()
    .text(t("admin:centre.staff"), adminData.staff(centreId))
    .row()
    .text(t("admin:centre.audit"), adminData.log(1, { action: "all", centreId, userId: 0 }))
    .row()
    .text(t("menu.back"), adminData.region(regionId));
}

/** A page of a centre's staff: remove, or their audit log. */
export function staffListKeyboard(
  t: Translate,
  centreId: number,
  members: Array<{ userId: number; who: string }>,
  page: number,
  pages: number,
) {
  const keyboard = new InlineKeyboard();
  for (const member of members) {
    keyboard
      .text(t("admin:staff.remove", { person: member.who }), adminData.remove(centreId, member.userId))
      .text(t("admin:staff.audit"), adminData.log(1, { action: "all", centreId: 0, userId: member.userId }))
      .row();
  }
  return withPagesAndBack(
    keyboard,
    t,
    page,
    page < pages,
    (n) => adminData.staff(centreId, n),
    adminData.centre(centreId),
  );
}

export function auditKeyboard(t: Translate, view: AuditView, page: number, more: boolean) {
  const keyboard = new InlineKeyboard();
  if (page > 1) keyboard.text("◀️", adminData.log(page - 1, view));
  if (more) keyboard.text("▶️", adminData.log(page + 1, view));
  keyboard.row().text(t("admin:audit.choose_kind"), adminData.chooseKind(view));
  if (view.action !== "all" || view.centreId || view.userId)
    keyboard.row().text(t("admin:audit.clear"), adminData.log(1));
  return keyboard.row().text(t("menu.back"), view.centreId ? adminData.centre(view.centreId) : adminData.home());
}

/** Every kind of action, two to a row, under "all kinds". */
export function auditKindsKeyboard(
  t: Translate,
  view: Omit<AuditView, "action">,
  kindName: (action: string) => string,
) {
  const keyboard = new InlineKeyboard()
    .text(t("admin:audit.all_kinds"), adminData.log(1, { ...view, action: "all" }))
    .row();
  AUDIT_ACTIONS.forEach((action, i) => {
    keyboard.text(kindName(action), adminData.log(1, { ...view, action }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t("menu.back"), adminData.log(1, { ...view, action: "all" }));
}

/** "Send again" when some were not blocked by their person. */
export function undeliveredKeyboard(t: Translate, retriable: number) {
  const keyboard = new InlineKeyboard();
  if (retriable > 0)
    keyboard.text(t("admin:undelivered.retry", { count: retriable }), adminData.retryUndelivered()).row();
  return keyboard.text(t("menu.back"), adminData.home());
}

/** A centre editor's question: back, and on an existing centre "keep" with the current value. */
export function centreFieldKeyboard(t: Translate, current?: string) {
  const keyboard = new InlineKeyboard().text(t("menu.back"), editor.back.pack({}));
  return current === undefined
    ? keyboard
    : keyboard.row().text(t("admin:editor.keep", { value: current.slice(0, 40) }), editor.keep.pack({}));
}

export const centreRegionsKeyboard = (lang: Lang, regions: Array<{ id: number } & Named>) =>
  unitsKeyboard(regions, lang, (regionId) => editor.region.pack({ regionId }));

/** A region's districts, those chosen ticked; another region; save. */
export function centreDistrictsKeyboard(
  t: Translate,
  lang: Lang,
  districts: Array<{ id: number } & Named>,
  chosen: number[],
) {
  const ticked = districts.map((unit) =>
    chosen.includes(unit.id) ? { ...unit, nameKk: `✅ ${unit.nameKk}`, nameRu: `✅ ${unit.nameRu}` } : unit,
  );
  return unitsKeyboard(ticked, lang, (districtId) => editor.district.pack({ districtId }))
    .row()
    .text(t("admin:editor.other_region"), editor.regions.pack({}))
    .row()
    .text(t("admin:editor.save"), editor.save.pack({}));
}
