// Staff actions on an application: refer, reject, hired, did not show up. Each one is a single
// transaction with its event, its audit entry and the seeker's notification.
import type { Db } from "../db/client.js";
import { wageFloor } from "../domain/rates.js";
import { ACTION_TO, canDo, PLACE_TAKING_STATUSES, referralNumber, type RejectReason, type StaffAction } from "../domain/referral.js";
import { PROGRAMME_START } from "../domain/rules.js";
import type { Prisma } from "../generated/prisma/client.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import { applicationInReach, centreFor } from "./staff.js";

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

/** Locks the application (two staff pressing at once act one after the other) and checks its status. */
async function lockApplication(tx: Prisma.TransactionClient, userId: number, applicationId: number, action: StaffAction) {
  await tx.$queryRaw`select id from "Application" where id = ${applicationId} for update`;
  const application = await applicationInReach(tx, userId, applicationId);
  return { application, allowed: canDo(action, application.status) };
}

async function nextReferralNumber(tx: Prisma.TransactionClient, regionId: number, regionCode: string, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ last: number }>>`
    insert into "ReferralCounter" ("regionId", year, last) values (${regionId}, ${year}, 1)
    on conflict ("regionId", year) do update set last = "ReferralCounter".last + 1
    returning last`;
  return referralNumber(regionCode, year, row!.last);
}

/** Does one staff action; NotAllowedError when the application is outside the person's centres. */
export async function actOnApplication(deps: ActionDeps, userId: number, applicationId: number, input: ActionInput): Promise<ActionResult> {
  const { now } = deps;
  return deps.db.$transaction(async (tx) => {
    const { application, allowed } = await lockApplication(tx, userId, applicationId, input.action);
    if (!allowed) return { ok: false, refusal: "wrong_status" };
    const data: Prisma.ApplicationUpdateInput = { status: ACTION_TO[input.action] };
    const result: ActionResult = { ok: true };

    if (input.action === "refer") {
      // The position's row lock makes two referrals for its last place wait for each other.
      await tx.$queryRaw`select id from "Position" where id = ${application.positionId} for update`;
      const taken = await tx.application.count({ where: { positionId: application.positionId, status: { in: [...PLACE_TAKING_STATUSES] } } });
      if (taken >= application.position.count) return { ok: false, refusal: "no_room" };
      Object.assign(data, { referredAt: now });
    } else if (input.action === "reject") {
      Object.assign(data, { rejectReason: input.reason, rejectNote: input.reason === "other" ? input.note ?? null : null });
    } else if (input.action === "hire") {
      const floor = wageFloor(input.contractDate);
      const earliest = application.referredAt && application.referredAt.toISOString().slice(0, 10);
      const day = input.contractDate.toISOString().slice(0, 10);
      if (day > now.toISOString().slice(0, 10) || day < (earliest ?? PROGRAMME_START)) return { ok: false, refusal: "bad_contract_date" };
      if (input.wage < floor) return { ok: false, refusal: "wage_below_floor", floor };
      result.relocationDue = application.homeDistrictId !== null && application.homeDistrictId !== application.project.districtId;
      result.floor = floor;
      Object.assign(data, { contractDate: input.contractDate, wage: input.wage, hiredAt: now, relocated: result.relocationDue });
    }

    const status = ACTION_TO[input.action];
    await tx.applicationEvent.create({ data: { applicationId, status, actorUserId: userId, at: now, note: input.action === "reject" ? input.reason : null } });
    if (application.userId && input.action !== "no_show") {
      const centre = await centreFor(tx, userId, application.project.districtId);
      await notify(tx, deps.outbox, {
        userId: application.userId, kind: status as "referred" | "rejected" | "hired",
        payload: { applicationId, centreId: centre?.id ?? null }, eventKey: `application:${applicationId}:${status}`,
      });
    }
    // Last, because the region's counter row stays locked until the commit: every referral of the
    // region and year waits for it (taken first, it serialized the whole transaction).
    if (input.action === "refer") {
      const region = application.project.district.region;
      result.referralNumber = await nextReferralNumber(tx, region.id, region.code, now.getUTCFullYear());
      data.referralNumber = result.referralNumber;
    }
    const updated = await tx.application.update({ where: { id: applicationId }, data });
    await audit(tx, {
      actorUserId: userId, action: input.action, entity: "Application", entityId: applicationId, at: now,
      before: { status: application.status }, after: { status: updated.status, referralNumber: updated.referralNumber, rejectReason: updated.rejectReason, wage: updated.wage },
    });
    return result;
  }, { timeout: 20_000 });
}
