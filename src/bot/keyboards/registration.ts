import { registrationCallbacks as reg } from "../callback-data/registration.js";
import { InlineKeyboard, Keyboard } from "grammy";
import { NOOP } from "../callback-data/noop.js";
import { SEEKER_STATUSES } from "../../domain/person.js";
import type { Lang, Translate } from "../../presentation/i18n.js";

export const PROFESSIONS_PER_PAGE = 8;

export const backKeyboard = (t: Translate) => new InlineKeyboard().text(t("menu.back"), reg.back.pack({}));

export const yesNoKeyboard = (t: Translate) =>
  new InlineKeyboard()
    .text(t("answer.yes"), reg.yes.pack({}))
    .text(t("answer.no"), reg.no.pack({}))
    .row()
    .text(t("menu.back"), reg.back.pack({}));

export function statusKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const status of SEEKER_STATUSES) keyboard.text(t(`seeker:status.${status}`), reg.status.pack({ status })).row();
  return keyboard.text(t("menu.back"), reg.back.pack({}));
}

/** Under "this IIN cannot be registered here": ask the centre, or type another IIN. */
export const claimKeyboard = (t: Translate) =>
  new InlineKeyboard().text(t("seeker:claim.button"), reg.claim.pack({})).row().text(t("menu.back"), reg.back.pack({}));

export const contactKeyboard = (t: Translate) =>
  new Keyboard().requestContact(t("seeker:ask.phone_button")).resized().oneTime();
export const locationKeyboard = (t: Translate) =>
  new Keyboard().requestLocation(t("projects:menu.location_button")).resized().oneTime();
export const placeKeyboard = (t: Translate) =>
  new InlineKeyboard()
    .text(t("seeker:ask.place_list"), reg.list.pack({}))
    .row()
    .text(t("menu.back"), reg.back.pack({}));

export function unitKeyboard(
  units: Array<{ id: number; nameKk: string; nameRu: string }>,
  lang: Lang,
  kind: "region" | "district",
  t: Translate,
) {
  const keyboard = new InlineKeyboard();
  units.forEach((unit, i) => {
    keyboard.text(
      lang === "kk" ? unit.nameKk : unit.nameRu,
      kind === "region" ? reg.region.pack({ regionId: unit.id }) : reg.district.pack({ districtId: unit.id }),
    );
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t("menu.back"), kind === "district" ? reg.list.pack({}) : reg.back.pack({}));
}

/** Professions with ☑️ marks, a page at a time, then any work / done / back. */
export function professionsKeyboard(
  t: Translate,
  lang: Lang,
  all: Array<{ id: number; nameKk: string; nameRu: string }>,
  chosen: number[],
  page: number,
) {
  const pages = Math.max(1, Math.ceil(all.length / PROFESSIONS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const keyboard = new InlineKeyboard();
  for (const profession of all.slice((current - 1) * PROFESSIONS_PER_PAGE, current * PROFESSIONS_PER_PAGE)) {
    keyboard
      .text(
        `${chosen.includes(profession.id) ? "☑️" : "⬜️"} ${lang === "kk" ? profession.nameKk : profession.nameRu}`,
        reg.profession.pack({ professionId: profession.id }),
      )
      .row();
  }
  if (pages > 1) {
    keyboard
      .text(current > 1 ? "◀️" : "·", current > 1 ? reg.page.pack({ page: current - 1 }) : NOOP)
      .text(`${current} / ${pages}`, NOOP)
      .text(current < pages ? "▶️" : "·", current < pages ? reg.page.pack({ page: current + 1 }) : NOOP)
      .row();
  }
  return keyboard
    .text(t("seeker:ask.any_work"), reg.any.pack({}))
    .row()
    .text(t("seeker:ask.professions_done"), reg.done.pack({}))
    .row()
    .text(t("menu.back"), reg.back.pack({}));
}
