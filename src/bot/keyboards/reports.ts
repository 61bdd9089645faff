// The monthly report's scopes for an admin: the country, then the regions two to a row.
import { InlineKeyboard } from "grammy";
import { adminData } from "../callback-data/admin.js";
import { reportData } from "../callback-data/reports.js";
import { localName } from "../../presentation/format.js";
import type { Lang, Translate } from "../../presentation/i18n.js";

export function reportScopesKeyboard(
  t: Translate,
  lang: Lang,
  regions: Array<{ id: number; nameKk: string; nameRu: string }>,
  year: number,
) {
  const keyboard = new InlineKeyboard().text(t("report:country"), reportData.year({ kind: "country" }, year)).row();
  regions.forEach((region, i) => {
    keyboard.text(localName(lang, region), reportData.year({ kind: "region", regionId: region.id }, year));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t("menu.back"), adminData.home());
}
