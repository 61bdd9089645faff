import { InlineKeyboard, Keyboard } from "grammy";
import { listDataOf, projectsData } from "../callback-data/projects.js";
import type { Lang, Translate } from "../i18n.js";
import type { ProjectPage } from "../../services/projects.js";

export function jobsMenuKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("projects:menu.near"), "prj:ask").row()
    .text(t("projects:menu.by_region"), projectsData.regions()).row()
    .text(t("projects:menu.profile"), "seek:profile").row()
    .text(t("projects:menu.applications"), "apl:mine");
}

export function locationRequestKeyboard(t: Translate): Keyboard {
  return new Keyboard().requestLocation(t("projects:menu.location_button")).row().text(t("projects:menu.to_menu")).resized().oneTime();
}

/** Units two to a row, in the person's language. */
export function unitsKeyboard(units: Array<{ id: number; nameKk: string; nameRu: string }>, lang: Lang, data: (id: number) => string, back?: [string, string]) {
  const keyboard = new InlineKeyboard();
  units.forEach((unit, i) => {
    keyboard.text(lang === "kk" ? unit.nameKk : unit.nameRu, data(unit.id));
    if (i % 2 === 1) keyboard.row();
  });
  if (back) keyboard.row().text(back[0], back[1]);
  return keyboard;
}

/** One button per project, then ◀️ x / y ▶️ (editing the same message), then back. */
export function projectListKeyboard(t: Translate, lang: Lang, result: ProjectPage, pageData: (page: number) => string, back: (page: number) => string, up?: [string, string]) {
  const keyboard = new InlineKeyboard();
  for (const item of result.items) {
    const distance = item.distanceKm === null ? "" : ` · ${item.distanceKm.toFixed(1)} ${t("projects:km")}`;
    keyboard.text(`${lang === "kk" ? item.nameKk : item.nameRu}${distance}`, projectsData.card(item.id, back(result.page))).row();
  }
  if (result.pages > 1) {
    keyboard.text(result.page > 1 ? "◀️" : "·", result.page > 1 ? pageData(result.page - 1) : pageData(result.page));
    keyboard.text(t("projects:list.page", { page: result.page, pages: result.pages }), pageData(result.page));
    keyboard.text(result.page < result.pages ? "▶️" : "·", result.page < result.pages ? pageData(result.page + 1) : pageData(result.page)).row();
  }
  if (up) keyboard.text(up[0], up[1]);
  return keyboard;
}

export function projectCardKeyboard(t: Translate, projectId: number, back: string, shareLink: string) {
  const keyboard = new InlineKeyboard()
    .text(t("projects:card.apply"), `apl:start:${projectId}`).row()
    .text(t("projects:card.map"), projectsData.map(projectId))
    .url(t("projects:card.share"), `https://t.me/share/url?url=${encodeURIComponent(shareLink)}`);
  const list = listDataOf(back);
  if (list) keyboard.row().text(t("projects:card.back"), list);
  return keyboard;
}
