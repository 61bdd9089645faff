// Staff actions on an application: refer, reject, hired, did not show up. Each one is a single
// transaction with its event, its audit entry and the seeker's notification.
import type { Store, Transaction } from "../db/store.js";
import { relocationAllowance, wageFloor } from "../domain/rates.js";
import { ACTION_TO, canDo, REFERRAL_SEQUENCE_DIGITS, referralNumberPrefix, type RejectReason } from "../domain/referral.js";
import { PROGRAMME_START } from "../domain/rules.js";
import { Prisma } from "../generated/prisma/client.js";
import { notify, type Outbox } from "./notifications.js";
import { applicationInReach } from "./staff.js";
import { placeOf } from "./applications.js";
import { q } from "../db/typed.js";
import { fromAnotherSettlement, type Place } from "../domain/relocation.js";

export type ActionRefusal = "wrong_status" | "no_room" | "wage_below_floor" | "bad_contract_date";

export type ActionResult =
  | { ok: true; referralNumber?: string; relocationDue?: boolean; relocationAllowance?: number; floor?: number }
  | { ok: false; refusal: ActionRefusal; floor?: number };

export interface ActionDeps {
  store: Store;
  outbox: Outbox;
  now: Date;
}

export type ActionInput =
  | { action: "refer" }
  | { action: "reject"; reason: RejectReason; note?: string }
  | { action: "hire"; contractDate: Date; wage: number }
  | { action: "no_show" };

/**
 * The region's next referral number, as the `counter` of the action's one statement: the counter's
 * row stays locked until the commit, so every referral of the region and year waits for it; taken
 * in the last statement, it is held for the commit only.
 */
function referralCounter(regionId: number, year: number): Prisma.Sql {
  return Prisma.sql`counter as (
      insert into "ReferralCounter" ("regionId", year, last) values (${regionId}, ${year}, 1)
      on conflict ("regionId", year) do update set last = "ReferralCounter".last + 1
      returning last),`;
}

/** The number from the counter, as referralNumber() of src/domain/referral.ts writes it. */
function counterNumber(regionCode: string, year: number): Prisma.Sql {
  const digits = Prisma.raw(String(REFERRAL_SEQUENCE_DIGITS));
  return Prisma.sql`(select ${referralNumberPrefix(regionCode, year)}::text || lpad(last::text, greatest(${digits}, length(last::text)), '0') from counter)`;
}

/** The relocation allowance's rule for a hire: the person's home district and the project's (domain/relocation.ts). */
async function comesFromAnotherSettlement(tx: Transaction, homeDistrictId: number | null, siteDistrictId: number): Promise<boolean> {
  if (homeDistrictId === null) return false;
  const [row] = await tx.all(q.selectNoFrom([placeOf(homeDistrictId).as("home"), placeOf(siteDistrictId).as("site")]));
  return row!.home !== null && row!.site !== null && fromAnotherSettlement(row!.home, row!.site);
}

/** Does one staff action; NotAllowedError when the application is outside the person's centres. */
export async function actOnApplication(deps: ActionDeps, userId: number, applicationId: number, input: ActionInput): Promise<ActionResult> {
  const { now } = deps;
  return deps.store.transaction(async (tx) => {
    const application = await applicationInReach(tx, userId, applicationId, input.action === "refer" ? "application and position" : "application");
    if (!canDo(input.action, application.status)) return { ok: false, refusal: "wrong_status" };
    const status = ACTION_TO[input.action];
    const set: Prisma.Sql[] = [Prisma.sql`status = ${status}::"ApplicationStatus"`, Prisma.sql`"updatedAt" = ${now}`];
    const result: ActionResult = { ok: true };
    const after: Record<string, string | number | null> = { status, rejectReason: null, wage: null }; // and the referral number, in SQL
    let counter = Prisma.empty;

    if (input.action === "refer") {
      if (application.position.taken >= application.position.count) return { ok: false, refusal: "no_room" };
      const year = now.getUTCFullYear();
      counter = referralCounter(application.project.regionId, year);
      set.push(Prisma.sql`"referredAt" = ${now}`, Prisma.sql`"referralNumber" = ${counterNumber(application.project.regionCode, year)}`);
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
      result.relocationDue = await comesFromAnotherSettlement(tx, application.homeDistrictId, application.project.districtId);
      if (result.relocationDue) result.relocationAllowance = relocationAllowance(input.contractDate);
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
    // The change (with a referral's number, see referralCounter), its event and its audit entry in one statement.
    const [changed] = await tx.rows<{ referralNumber: string | null }>(Prisma.sql`
      with ${counter}
      changed as (update "Application" set ${Prisma.join(set)} where id = ${applicationId} returning id, "referralNumber"),
      event as (
        insert into "ApplicationEvent" ("applicationId", status, "actorUserId", at, note)
        select id, ${status}::"ApplicationStatus", ${userId}, ${now}, ${input.action === "reject" ? input.reason : null} from changed),
      audit as (
        insert into "AuditLog" ("actorUserId", action, entity, "entityId", before, after, at)
        select ${userId}, ${input.action}, 'Application', id::text, ${JSON.stringify({ status: application.status })}::jsonb,
          ${JSON.stringify(after)}::jsonb || jsonb_build_object('referralNumber', "referralNumber"), ${now}
        from changed)
      select "referralNumber" from changed`);
    if (input.action === "refer") result.referralNumber = changed!.referralNumber!;
    return result;
  });
}
