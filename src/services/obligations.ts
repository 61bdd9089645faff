import type { Store } from "../db/store.js";
import { obligationPlans, type ObligationSeries } from "../domain/obligations.js";
import { notify, type Outbox } from "./notifications.js";

export type ReminderJobIds = Partial<Record<ObligationSeries, string[]>>;

/** Schedules a borrower's reminders (pg-boss's delayed jobs in production, src/jobs/reminders.ts). */
export interface ReminderScheduler {
  /** Schedules the reminders still ahead of `now`; returns their job ids by series. */
  schedule(obligation: { id: number; receivedOn: Date }, now: Date): Promise<ReminderJobIds>;
  cancel(jobIds: string[]): Promise<void>;
}

export async function createObligation(
  store: Store,
  input: { userId: number; receivedOn: Date; jobsPromised: number },
) {
  const [use, jobs] = obligationPlans(input.receivedOn);
  return store.db.loanObligation.create({
    data: { ...input, targetedUseDueOn: use!.dueOn, jobsDueOn: jobs!.dueOn },
  });
}

export function listObligations(store: Store, userId: number) {
  return store.db.loanObligation.findMany({ where: { userId }, orderBy: { receivedOn: "desc" } });
}

export async function saveReminderJobs(store: Store, obligationId: number, jobIds: ReminderJobIds): Promise<void> {
  await store.db.loanObligation.update({ where: { id: obligationId }, data: { reminderJobIds: jobIds } });
}

/**
 * Marks one obligation series done for its owner only (a forged id of someone else's loan
 * changes nothing) and returns the reminder jobs to cancel; null when not the person's loan.
 */
export async function markObligationDone(
  store: Store,
  userId: number,
  obligationId: number,
  series: ObligationSeries,
  at: Date,
) {
  const obligation = await store.db.loanObligation.findFirst({ where: { id: obligationId, userId } });
  if (!obligation) return null;
  await store.db.loanObligation.update({
    where: { id: obligationId },
    data: series === "targeted_use" ? { targetedUseDoneAt: at } : { jobsDoneAt: at },
  });
  return (obligation.reminderJobIds as ReminderJobIds)[series] ?? [];
}

export const obligationById = (store: Store, id: number) => store.db.loanObligation.findUnique({ where: { id } });

/**
 * A due reminder becomes a notification of the outbox (its pace, its retries, a blocked bot marked
 * there), unless its obligation was done or deleted meanwhile; once per reminder, however often
 * the job runs.
 */
export async function queueLoanReminder(
  store: Store,
  outbox: Outbox,
  job: { obligationId: number; series: ObligationSeries; stage: number },
): Promise<"queued" | "skipped"> {
  const obligation = await obligationById(store, job.obligationId);
  const done = job.series === "targeted_use" ? obligation?.targetedUseDoneAt : obligation?.jobsDoneAt;
  if (!obligation || done) return "skipped";
  const queued = await store.transaction((tx) =>
    notify(tx, outbox, {
      userId: obligation.userId,
      kind: "loan_reminder",
      payload: { obligationId: obligation.id, series: job.series },
      eventKey: `loan:${obligation.id}:${job.series}:${job.stage}`,
    }),
  );
  return queued ? "queued" : "skipped";
}
