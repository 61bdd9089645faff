import { InlineKeyboard } from "grammy";
import { BUSINESS_KINDS, LOAN_PURPOSES, LOAN_USES, type LoanUse } from "../../domain/eligibility.js";
import { eligibilityCallbacks as elig } from "../callback-data/eligibility.js";
import type { Translate } from "../../presentation/i18n.js";

const withBack = (keyboard: InlineKeyboard, t: Translate) => keyboard.row().text(t("menu.back"), elig.back.pack({}));

export function businessKindKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const kind of BUSINESS_KINDS) keyboard.text(t(`entrepreneur:kind.${kind}`), elig.kind.pack({ kind })).row();
  return keyboard.text(t("menu.back"), elig.back.pack({}));
}

export function taxKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("answer.yes"), elig.tax.pack({ answer: "yes" }))
    .text(t("answer.no"), elig.tax.pack({ answer: "no" }));
  return withBack(keyboard, t);
}

export function purposeKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const purpose of LOAN_PURPOSES)
    keyboard.text(t(`entrepreneur:purpose.${purpose}`), elig.purpose.pack({ purpose })).row();
  return keyboard.text(t("menu.back"), elig.back.pack({}));
}

/** Several can be ticked; ticked ones show ☑️. */
export function usesKeyboard(t: Translate, chosen: readonly LoanUse[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const use of LOAN_USES) {
    const mark = chosen.includes(use) ? "☑️" : "⬜️";
    keyboard.text(`${mark} ${t(`entrepreneur:use.${use}`)}`, elig.use.pack({ use })).row();
  }
  keyboard.text(t("entrepreneur:uses_done"), elig.done.pack({})).row();
  return keyboard.text(t("menu.back"), elig.back.pack({}));
}

export function jobsKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("menu.back"), elig.back.pack({}));
}
