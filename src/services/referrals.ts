// Staff actions on an application: refer, reject, hired, did not show up. Each one is a single
// transaction with its event, its audit entry and the seeker's notification.
import type { Db } from "../db/client.js";
import { wageFloor } from "../domain/rates.js";
import { ACTION_TO, canDo, referralNumber, type RejectReason } from "../domain/referral.js";
import { PROGRAMME_START } from "../domain/rules.js";
import { Prisma } from "../generated/prisma/client.js";
import { notify, type Outbox } from "./notifications.js";
import { applicationInReach } from "./staff.js";
import { pgTransaction, queryRows, type PgTransaction } from "../db/reads.js";

export type ActionRefusal = "wrong_status" | "no_room" | "wage_below_floor" | "bad_contract_date";

export type ActionResult =
  | { ok: true; referralNumber?: string; relocationDue?: boolean; floor?: number }
  | { ok: false; refusal: ActionRefusal; floor?: number };

export interface ActionDeps {
  db: Db;
  outbox: Outbox;
  now: Date;
}

export type ActionInput =
  | { action: "refer" }
  | { action: "reject"; reason: RejectReason; note?: string }
  | { action: "hire"; contractDate: Date; wage: number }
  | { action: "no_show" };

/**
 * Whether the position has room, its row locked: two referrals for its last place wait for each
 * other, and the locked row reads the places taken by every referral committed before.
 */
async function lockPositionWithRoom(tx: PgTransaction, positionId: number): Promise<boolean> {
  const [row] = await queryRows<{ room: boolean }>(tx, Prisma.sql`select taken < count as room from "Position" where id = ${positionId} for update`);
  return row!.room;
}

async function nextReferralNumber(tx: PgTransaction, regionId: number, regionCode: string, year: number): Promise<string> {
  const [row] = await queryRows<{ last: number }>(tx, Prisma.sql`
    insert into "ReferralCounter" ("regionId", year, last) values (${regionId}, ${year}, 1)
    on conflict ("regionId", year) do update set last = "ReferralCounter".last + 1
    returning last`);
  return referralNumber(regionCode, year, row!.last);
}

/**
 * Does one staff action; NotAllowedError when the application is outside the person's centres.
 * A transaction of pg's rather than Prisma's: a referral's ten statements cost this process a
 * quarter of the CPU that way (src/db/reads.ts).
 */
export async function actOnApplication(deps: ActionDeps, userId: number, applicationId: number, input: ActionInput): Promise<ActionResult> {
  const { now } = deps;
  return pgTransaction(deps.db, async (tx) => {
    const application = await applicationInReach(tx, userId, applicationId, true);
    if (!canDo(input.action, application.status)) return { ok: false, refusal: "wrong_status" };
    const status = ACTION_TO[input.action];
    const set: Prisma.Sql[] = [Prisma.sql`status = ${status}::"ApplicationStatus"`, Prisma.sql`"updatedAt" = ${now}`];
    const result: ActionResult = { ok: true };
    const after: Record<string, string | number | null> = { status, referralNumber: application.referralNumber, rejectReason: null, wage: null };

    if (input.action === "refer") {
      if (!(await lockPositionWithRoom(tx, application.positionId))) return { ok: false, refusal: "no_room" };
      set.push(Prisma.sql`"referredAt" = ${now}`);
    } else if (input.action === "reject") {
      const note = input.reason === "other" ? input.note ?? null : null;
      set.push(Prisma.sql`"rejectReason" = ${input.reason}::"RejectReason"`, Prisma.sql`"rejectNote" = ${note}`);
      after.rejectReason = input.reason;
    } else if (input.action === "hire") {
      const floor = wageFloor(input.contractDate);
      const earliest = application.referredAt && application.referredAt.toISOString().slice(0, 10);
      const day = input.contractDate.toISOString().slice(0, 10);
      if (day > now.toISOString().slice(0, 10) || day < (earliest ?? PROGRAMME_START)) return { ok: false, refusal: "bad_contract_date" };
      if (input.wage < floor) return { ok: false, refusal: "wage_below_floor", floor };
      result.relocationDue = application.homeDistrictId !== null && application.homeDistrictId !== application.project.districtId;
      result.floor = floor;
      set.push(Prisma.sql`"contractDate" = ${day}::date`, Prisma.sql`wage = ${input.wage}`, Prisma.sql`"hiredAt" = ${now}`, Prisma.sql`relocated = ${result.relocationDue}`);
      after.wage = input.wage;
    }

    if (application.userId && input.action !== "no_show") {
      await notify(tx, deps.outbox, {
        userId: application.userId, kind: status as "referred" | "rejected" | "hired",
        payload: { applicationId, centreId: application.centreId }, eventKey: `application:${applicationId}:${status}`,
      });
    }
    // Last, because the region's counter row stays locked until the commit: every referral of the
    // region and year waits for it (taken first, it serialized the whole transaction).
    if (input.action === "refer") {
      result.referralNumber = await nextReferralNumber(tx, application.project.regionId, application.project.regionCode, now.getUTCFullYear());
      set.push(Prisma.sql`"referralNumber" = ${result.referralNumber}`);
      after.referralNumber = result.referralNumber;
    }
    // The change, its event and its audit entry in one statement.
    await queryRows(tx, Prisma.sql`
      with changed as (update "Application" set ${Prisma.join(set)} where id = ${applicationId} returning id),
      event as (
        insert into "ApplicationEvent" ("applicationId", status, "actorUserId", at, note)
        select id, ${status}::"ApplicationStatus", ${userId}, ${now}, ${input.action === "reject" ? input.reason : null} from changed)
      insert into "AuditLog" ("actorUserId", action, entity, "entityId", before, after, at)
      select ${userId}, ${input.action}, 'Application', id::text, ${JSON.stringify({ status: application.status })}::jsonb, ${JSON.stringify(after)}::jsonb, ${now}
      from changed`);
    return result;
  });
}
