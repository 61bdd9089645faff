import type { Db } from "../db/client.js";
import { obligationPlans, type ObligationSeries } from "../domain/obligations.js";

export type ReminderJobIds = Partial<Record<ObligationSeries, string[]>>;

export async function createObligation(db: Db, input: { userId: number; receivedOn: Date; jobsPromised: number }) {
  const [use, jobs] = obligationPlans(input.receivedOn);
  return db.loanObligation.create({
    data: { ...input, targetedUseDueOn: use!.dueOn, jobsDueOn: jobs!.dueOn },
  });
}

export function listObligations(db: Db, userId: number) {
  return db.loanObligation.findMany({ where: { userId }, orderBy: { receivedOn: "desc" } });
}

export async function saveReminderJobs(db: Db, obligationId: number, jobIds: ReminderJobIds): Promise<void> {
  await db.loanObligation.update({ where: { id: obligationId }, data: { reminderJobIds: jobIds } });
}

/**
 * Marks one obligation series done for its owner only (a forged id of someone else's loan
 * changes nothing) and returns the reminder jobs to cancel; null when not the person's loan.
 */
export async function markObligationDone(db: Db, userId: number, obligationId: number, series: ObligationSeries, at: Date) {
  const obligation = await db.loanObligation.findFirst({ where: { id: obligationId, userId } });
  if (!obligation) return null;
  await db.loanObligation.update({
    where: { id: obligationId },
    data: series === "targeted_use" ? { targetedUseDoneAt: at } : { jobsDoneAt: at },
  });
  return ((obligation.reminderJobIds as ReminderJobIds)[series] ?? []);
}

export const obligationById = (db: Db, id: number) => db.loanObligation.findUnique({ where: { id } });
