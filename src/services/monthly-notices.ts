// The messages of the monthly schedule (src/jobs/monthly.ts): on the 1st the previous month's report
// to every centre's staff (their districts) and to the admins (the country); on the 8th a reminder
// to centres whose projects lack the month's figures. Each has an event key: a second firing sends
// nothing twice.
import type { Store } from "../db/store.js";
import { previousMonth } from "../domain/report.js";
import { staffMemberships } from "./centres.js";
import { notify, type NotificationInput, type Outbox } from "./notifications.js";
import { missingFigures } from "./reports/monthly-figures.js";
import { adminAccounts } from "./users.js";

async function notifyAll(store: Store, outbox: Outbox, inputs: NotificationInput[]): Promise<number> {
  return store.transaction(async (tx) => {
    let written = 0;
    for (const input of inputs) if (await notify(tx, outbox, input)) written++;
    return written;
  });
}

/** The previous month's report, one message per centre membership and per admin; returns how many were new. */
export async function queueMonthlyReports(store: Store, outbox: Outbox, now: Date): Promise<number> {
  const month = previousMonth(now).key;
  const memberships = await staffMemberships(store);
  const admins = await adminAccounts(store);
  return notifyAll(store, outbox, [
    ...memberships.map(
      (m): NotificationInput => ({
        userId: m.userId,
        kind: "monthly_report",
        payload: { month, centreId: m.centreId },
        eventKey: `monthly_report:${month}:centre-${m.centreId}:${m.userId}`,
      }),
    ),
    ...admins.map(
      (a): NotificationInput => ({
        userId: a.id,
        kind: "monthly_report",
        payload: { month, centreId: null },
        eventKey: `monthly_report:${month}:kz:${a.id}`,
      }),
    ),
  ]);
}

/** The reminder to the staff of every centre with a project under way last month and no figures for it. */
export async function queueFiguresReminders(store: Store, outbox: Outbox, now: Date): Promise<number> {
  const month = previousMonth(now);
  const centres = (await missingFigures(store, month)).map((m) => m.centreId);
  const memberships = await staffMemberships(store, centres);
  return notifyAll(
    store,
    outbox,
    memberships.map((m) => ({
      userId: m.userId,
      kind: "figures_missing",
      payload: { month: month.key, centreId: m.centreId },
      eventKey: `figures_missing:${month.key}:${m.centreId}:${m.userId}`,
    })),
  );
}
