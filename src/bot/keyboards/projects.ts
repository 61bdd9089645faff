import { InlineKeyboard, Keyboard } from "grammy";
import { NOOP } from "../callback-data/noop.js";
import { applicationsData } from "../callback-data/applications.js";
import { listDataOf, projectsData, readBack } from "../callback-data/projects.js";
import { profileData } from "../callback-data/profile.js";
import type { Lang, Translate } from "../../presentation/i18n.js";
import { WORK_KINDS, type ListFilter, type ProjectPage } from "../../services/projects.js";

export function jobsMenuKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("projects:menu.near"), projectsData.askLocation())
    .row()
    .text(t("projects:menu.by_region"), projectsData.regions())
    .row()
    .text(t("projects:menu.profile"), profileData.profile())
    .row()
    .text(t("projects:menu.applications"), applicationsData.mine());
}

export function locationRequestKeyboard(t: Translate): Keyboard {
  return new Keyboard()
    .requestLocation(t("projects:menu.location_button"))
    .row()
    .text(t("projects:menu.to_menu"))
    .resized()
    .oneTime();
}

/** Units two to a row, in the person's language. */
export function unitsKeyboard(
  units: Array<{ id: number; nameKk: string; nameRu: string }>,
  lang: Lang,
  data: (id: number) => string,
  back?: [string, string],
) {
  const keyboard = new InlineKeyboard();
  units.forEach((unit, i) => {
    keyboard.text(lang === "kk" ? unit.nameKk : unit.nameRu, data(unit.id));
    if (i % 2 === 1) keyboard.row();
  });
  if (back) keyboard.row().text(back[0], back[1]);
  return keyboard;
}

export interface ListKeyboardOptions {
  pageData: (page: number, filter?: ListFilter) => string;
  back: (page: number) => string;
  filter: ListFilter;
  /** The "my professions" toggle only for a profile with professions. */
  canFilterMine: boolean;
  up?: [string, string];
}

/** One button per project, then ◀️ x / y ▶️ (editing the same message), the filters, then back. */
export function projectListKeyboard(t: Translate, lang: Lang, result: ProjectPage, options: ListKeyboardOptions) {
  const { pageData, back, filter } = options;
  const keyboard = new InlineKeyboard();
  for (const item of result.items) {
    const distance = item.distanceKm === null ? "" : ` · ${item.distanceKm.toFixed(1)} ${t("projects:km")}`;
    keyboard
      .text(`${lang === "kk" ? item.nameKk : item.nameRu}${distance}`, projectsData.card(item.id, back(result.page)))
      .row();
  }
  if (result.pages > 1) {
    keyboard.text(result.page > 1 ? "◀️" : "·", result.page > 1 ? pageData(result.page - 1) : NOOP);
    keyboard.text(t("projects:list.page", { page: result.page, pages: result.pages }), NOOP);
    keyboard
      .text(result.page < result.pages ? "▶️" : "·", result.page < result.pages ? pageData(result.page + 1) : NOOP)
      .row();
  }
  if (options.canFilterMine)
    keyboard.text(
      t(filter.mine ? "projects:filter.mine_on_button" : "projects:filter.mine_off_button"),
      pageData(1, { ...filter, mine: !filter.mine }),
    );
  keyboard
    .text(
      t("projects:filter.kind_button", {
        kind: filter.kind ? t(`projects:work.${filter.kind}`) : t("projects:filter.any_kind"),
      }),
      projectsData.kinds(back(1)),
    )
    .row();
  if (options.up) keyboard.text(options.up[0], options.up[1]);
  return keyboard;
}

/** The kinds of work, each opening the list (first page) with that filter; "any" clears it. */
export function workKindsKeyboard(t: Translate, back: string) {
  const filter = readBack(back)?.filter ?? { mine: false, kind: null };
  const keyboard = new InlineKeyboard()
    .text(
      t("projects:filter.any_kind"),
      listDataOf(back, { page: 1, filter: { ...filter, kind: null } }) ?? projectsData.regions(),
    )
    .row();
  WORK_KINDS.forEach((kind, i) => {
    keyboard.text(
      t(`projects:work.${kind}`),
      listDataOf(back, { page: 1, filter: { ...filter, kind } }) ?? projectsData.regions(),
    );
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function projectCardKeyboard(t: Translate, projectId: number, back: string, shareLink: string) {
  const keyboard = new InlineKeyboard()
    .text(t("projects:card.apply"), applicationsData.start(projectId))
    .row()
    .text(t("projects:card.map"), projectsData.map(projectId))
    .url(t("projects:card.share"), `https://t.me/share/url?url=${encodeURIComponent(shareLink)}`);
  const list = listDataOf(back);
  if (list) keyboard.row().text(t("projects:card.back"), list);
  return keyboard;
}

/** Under a project shared in another chat (inline mode): open it in the bot, where applying starts. */
export const applyLinkKeyboard = (t: Translate, botUsername: string, projectId: number) =>
  new InlineKeyboard().url(t("projects:inline.apply"), `https://t.me/${botUsername}?start=p${projectId}`);
