import { InlineKeyboard } from "grammy";
import { BUSINESS_KINDS, LOAN_PURPOSES, LOAN_USES, type LoanUse } from "../../domain/eligibility.js";
import { eligibilityData } from "../callback-data/eligibility.js";
import type { Translate } from "../i18n.js";

const withBack = (keyboard: InlineKeyboard, t: Translate) => keyboard.row().text(t("menu.back"), eligibilityData("back"));

export function businessKindKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const kind of BUSINESS_KINDS) keyboard.text(t(`entrepreneur:kind.${kind}`), eligibilityData("kind", kind)).row();
  return keyboard.text(t("menu.back"), eligibilityData("back"));
}

export function taxKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("answer.yes"), eligibilityData("tax", "yes"))
    .text(t("answer.no"), eligibilityData("tax", "no"));
  return withBack(keyboard, t);
}

export function purposeKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const purpose of LOAN_PURPOSES) keyboard.text(t(`entrepreneur:purpose.${purpose}`), eligibilityData("purpose", purpose)).row();
  return keyboard.text(t("menu.back"), eligibilityData("back"));
}

/** Several can be ticked; ticked ones show ☑️. */
export function usesKeyboard(t: Translate, chosen: readonly LoanUse[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const use of LOAN_USES) {
    const mark = chosen.includes(use) ? "☑️" : "⬜️";
    keyboard.text(`${mark} ${t(`entrepreneur:use.${use}`)}`, eligibilityData("use", use)).row();
  }
  keyboard.text(t("entrepreneur:uses_done"), eligibilityData("done")).row();
  return keyboard.text(t("menu.back"), eligibilityData("back"));
}

export function jobsKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("menu.back"), eligibilityData("back"));
}
