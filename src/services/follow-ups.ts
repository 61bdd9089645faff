// After a referral: the job seeker is asked once how it went (FOLLOW_UP_WORKING_DAYS working days
// after it, when nobody has recorded an outcome), and staff see what they answered; referrals still
// without an outcome after REFERRAL_WITHOUT_OUTCOME_DAYS are the centre's worklist.
import type { Store } from "../db/store.js";
import { q } from "../db/typed.js";
import { FOLLOW_UP_WORKING_DAYS, REFERRAL_WITHOUT_OUTCOME_DAYS } from "../domain/policies.js";
import { KAZAKHSTAN_OFFSET_HOURS, kazakhstanDay } from "../domain/report.js";
import { dueSince } from "../domain/working-days.js";
import type { SeekerOutcome } from "../generated/prisma/enums.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import { staffDistricts } from "./staff.js";

/** Why someone was not hired, as they answer it. */
export const NOT_HIRED_REASONS = ["refused", "conditions", "no_answer", "other"] as const;
export type NotHiredReason = (typeof NOT_HIRED_REASONS)[number];

/** The moment a Kazakhstan calendar day ends, UTC. */
const endOfKazakhstanDay = (day: Date) => new Date(day.getTime() + (24 - KAZAKHSTAN_OFFSET_HOURS) * 3_600_000);

/**
 * Asks every job seeker whose referral is FOLLOW_UP_WORKING_DAYS working days old (weekends and
 * holidays skipped) and still without an outcome; each once (followUpAt, and the event key). People
 * who erased their data have no user any more and are not asked. Returns how many were asked.
 */
export async function queueFollowUps(store: Store, outbox: Outbox, now: Date): Promise<number> {
  const today = new Date(`${kazakhstanDay(now)}T00:00:00Z`);
  const referredBefore = endOfKazakhstanDay(dueSince(today, FOLLOW_UP_WORKING_DAYS));
  return store.transaction(async (tx) => {
    const due = await tx.all(
      q
        .updateTable("Application")
        .set({ followUpAt: now })
        .where("status", "=", "referred")
        .where("followUpAt", "is", null)
        .where("userId", "is not", null)
        .where("referredAt", "<", referredBefore)
        .returning(["id", "userId"]),
    );
    for (const application of due)
      await notify(tx, outbox, {
        userId: application.userId!,
        kind: "follow_up",
        payload: { applicationId: application.id },
        eventKey: `application:${application.id}:follow_up`,
      });
    return due.length;
  });
}

export type FollowUpAnswer = { outcome: SeekerOutcome; reason?: NotHiredReason };

/**
 * The job seeker's answer about their own referral; false when the application is not theirs or
 * no longer waits for an outcome. "Not hired" puts the application in the centre's attention.
 */
export async function answerFollowUp(
  store: Store,
  userId: number,
  applicationId: number,
  answer: FollowUpAnswer,
  now: Date,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const changed = await tx.all(
      q
        .updateTable("Application")
        .set({ seekerOutcome: answer.outcome, seekerReason: answer.reason ?? null, seekerAnswerAt: now })
        .where("id", "=", applicationId)
        .where("userId", "=", userId)
        .where("status", "=", "referred")
        .returning("id"),
    );
    if (!changed.length) return false;
    await audit(tx, {
      actorUserId: userId,
      action: "answer_follow_up",
      entity: "Application",
      entityId: applicationId,
      at: now,
      after: { outcome: answer.outcome, reason: answer.reason ?? null },
    });
    return true;
  });
}

export interface WaitingReferral {
  id: number;
  number: string;
  referralNumber: string;
  referredAt: Date;
  projectKk: string;
  projectRu: string;
  seekerOutcome: SeekerOutcome | null;
}

/** The referrals of the staff member's districts still without an outcome REFERRAL_WITHOUT_OUTCOME_DAYS after them, the oldest first. */
export async function referralsWithoutOutcome(store: Store, userId: number, now: Date): Promise<WaitingReferral[]> {
  const before = new Date(now.getTime() - REFERRAL_WITHOUT_OUTCOME_DAYS * 86_400_000);
  const rows = await store.all(
    q
      .selectFrom("Application as a")
      .innerJoin("Project as p", "p.id", "a.projectId")
      .select([
        "a.id",
        "a.number",
        "a.referralNumber",
        "a.referredAt",
        "p.nameKk as projectKk",
        "p.nameRu as projectRu",
        "a.seekerOutcome",
      ])
      .where("a.status", "=", "referred")
      .where("a.referredAt", "<", before)
      .where("p.districtId", "in", staffDistricts(userId))
      .orderBy("a.referredAt")
      .limit(200),
  );
  return rows.map((row) => ({ ...row, referralNumber: row.referralNumber!, referredAt: row.referredAt! }));
}
