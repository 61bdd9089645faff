import { calculatorCallbacks as calc, loansCallbacks } from "../callback-data/loans.js";
import { InlineKeyboard } from "grammy";
import { LOAN_PURPOSES } from "../../domain/eligibility.js";
import type { Translate } from "../../presentation/i18n.js";
import { obligationDoneData } from "../callback-data/obligations.js";
import type { ObligationSeries } from "../../domain/obligations.js";

export function loansMenuKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("loans:menu.check"), loansCallbacks.check.pack({}))
    .row()
    .text(t("loans:menu.calc"), loansCallbacks.calc.pack({ purpose: undefined }))
    .row()
    .text(t("loans:menu.got"), loansCallbacks.got.pack({}))
    .row()
    .text(t("loans:menu.obligations"), loansCallbacks.obligations.pack({}))
    .row()
    .text(t("loans:menu.where"), loansCallbacks.where.pack({}));
}

export function calcPurposeKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const purpose of LOAN_PURPOSES)
    keyboard.text(t(`entrepreneur:purpose.${purpose}`), calc.purpose.pack({ purpose })).row();
  return keyboard.text(t("menu.back"), calc.back.pack({}));
}

/** What the grace period defers: the lender decides, the calculator shows both. */
export function calcGraceKindKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("loans:calc.grace_kind.principal"), calc.graceKind.pack({ graceKind: "principal" }))
    .row()
    .text(
      t("loans:calc.grace_kind.principal_and_interest"),
      calc.graceKind.pack({ graceKind: "principal_and_interest" }),
    )
    .row()
    .text(t("menu.back"), calc.back.pack({}));
}

export function calcKindKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("loans:calc.kind_annuity"), calc.kind.pack({ kind: "annuity" }))
    .row()
    .text(t("loans:calc.kind_equal_principal"), calc.kind.pack({ kind: "equal_principal" }))
    .row()
    .text(t("menu.back"), calc.back.pack({}));
}

export const calcBackKeyboard = (t: Translate) => new InlineKeyboard().text(t("menu.back"), calc.back.pack({}));

/** "Done" for each obligation still open, one per row. */
export function openObligationsKeyboard(t: Translate, open: Array<{ id: number; series: ObligationSeries }>) {
  const keyboard = new InlineKeyboard();
  for (const { id, series } of open)
    keyboard.text(t(`loans:obligations.done_${series}`), obligationDoneData(id, series)).row();
  return keyboard;
}
