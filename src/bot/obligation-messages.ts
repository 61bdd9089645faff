import { formatDate } from "../presentation/format.js";
// Texts about a borrower's obligations: the reminders and the list.
import { oneButton } from "./keyboards/common.js";
import { openObligationsKeyboard } from "./keyboards/loans.js";
import type { ObligationSeries } from "../domain/obligations.js";
import { obligationDoneData } from "./callback-data/obligations.js";
import type { Translate } from "../presentation/i18n.js";

export interface ObligationView {
  id: number;
  receivedOn: Date;
  jobsPromised: number;
  targetedUseDueOn: Date;
  jobsDueOn: Date;
  targetedUseDoneAt: Date | null;
  jobsDoneAt: Date | null;
}

/** 2021-03-01 → 01.03.2021, as dates are written in Kazakhstan. */

const dueOf = (o: ObligationView, series: ObligationSeries) =>
  series === "targeted_use" ? o.targetedUseDueOn : o.jobsDueOn;
const doneOf = (o: ObligationView, series: ObligationSeries) =>
  series === "targeted_use" ? o.targetedUseDoneAt : o.jobsDoneAt;

const params = (o: ObligationView, series: ObligationSeries) => ({
  due: formatDate(dueOf(o, series)),
  received: formatDate(o.receivedOn),
  jobs: o.jobsPromised,
});

export function reminderMessage(t: Translate, obligation: ObligationView, series: ObligationSeries) {
  return {
    text: t(`loans:reminder.${series}`, params(obligation, series)),
    keyboard: oneButton(t(`loans:obligations.done_${series}`), obligationDoneData(obligation.id, series)),
  };
}

/** One block per loan, each obligation with its state; buttons for those still open. */
export function obligationsList(t: Translate, obligations: ObligationView[], today: Date) {
  const open: Array<{ id: number; series: ObligationSeries }> = [];
  const blocks = obligations.map((o) => {
    const lines = [t("loans:obligations.loan", { received: formatDate(o.receivedOn), jobs: o.jobsPromised })];
    for (const series of ["targeted_use", "jobs"] as const) {
      const done = doneOf(o, series);
      const state = done ? "done" : dueOf(o, series) < today ? "overdue" : "open";
      lines.push(t(`loans:obligations.${series}_${state}`, params(o, series)));
      if (!done) open.push({ id: o.id, series });
    }
    return lines.join("\n");
  });
  return { text: [t("loans:obligations.title"), ...blocks].join("\n\n"), keyboard: openObligationsKeyboard(t, open) };
}
