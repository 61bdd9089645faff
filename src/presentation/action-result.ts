// What a staff action did, in words: the chat's answer and the desk's notice are the same text.
import { RELOCATION_ALLOWANCE_WORKING_DAYS } from "../domain/rules.js";
import type { ActionInput, ActionResult } from "../services/referrals.js";
import { formatNumber } from "./format.js";
import type { Lang, Translate } from "./i18n.js";

/** What was done (with the referral number or the relocation reminder) or why not. */
export function actionResultText(t: Translate, lang: Lang, input: ActionInput, result: ActionResult): string {
  if (!result.ok) return t(`staff:refusal.${result.refusal}`, { floor: formatNumber(result.floor ?? 0, lang) });
  const lines = [t(`staff:done.${input.action}`, { referral: result.referralNumber ?? "" })];
  if (result.relocationAllowance) {
    lines.push(
      t("staff:done.relocation_due", {
        allowance: formatNumber(result.relocationAllowance, lang),
        days: RELOCATION_ALLOWANCE_WORKING_DAYS,
      }),
    );
  }
  return lines.join("\n\n");
}
