// Staff actions on an application: refer, reject, hired, did not show up. Each one is a single
// transaction with its event, its audit entry and the seeker's notification.
import type { Store, Transaction } from "../db/store.js";
import { relocationAllowance, wageFloor } from "../domain/rates.js";
import {
  ACTION_TO,
  canDo,
  REFERRAL_SEQUENCE_DIGITS,
  type RecorderRole,
  referralNumberPrefix,
  type RejectReason,
} from "../domain/referral.js";
import { PROGRAMME_START } from "../domain/rules.js";
import { sql, type UpdateObject } from "kysely";
import { notify, type Outbox } from "./notifications.js";
import { applicationInReach, NotAllowedError } from "./staff.js";
import { placeOf } from "./applications.js";
import { prepared, q, type DB } from "../db/typed.js";
import type { ApplicationStatus } from "../generated/prisma/enums.js";
import { fromAnotherSettlement } from "../domain/relocation.js";

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

/** The number from the counter, as referralNumber() of src/domain/referral.ts writes it (lpad: a typed fragment). */
const counterNumber = (prefix: string) =>
  sql<string>`(select ${prefix}::text || lpad(last::text, greatest(${sql.lit(REFERRAL_SEQUENCE_DIGITS)}, length(last::text)), '0') from counter)`;

type ActionParams = {
  applicationId: number;
  userId: number;
  role: RecorderRole;
  outcomeBy: RecorderRole | null;
  now: Date;
  status: ApplicationStatus;
  note: string | null;
  before: string;
  after: string;
  regionId: number;
  year: number;
  prefix: string;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  contractDate: string;
  wage: number;
  relocated: boolean;
};

/**
 * The change, its event and its audit entry in one statement, one for each kind of action, compiled
 * once. A referral takes the region's next number from the counter, whose row stays locked until the
 * commit (every referral of the region and year waits for it): taken in this last statement, it is
 * held for the commit only. Other actions have an empty counter.
 */
function actionStatement(action: ActionInput["action"]) {
  return prepared((p: ActionParams) => {
    const set: UpdateObject<DB, "Application"> = {
      status: p.status,
      updatedAt: p.now,
      outcomeBy: p.outcomeBy,
      ...(action === "refer" ? { referredAt: p.now, referralNumber: counterNumber(p.prefix) } : {}),
      ...(action === "reject" ? { rejectReason: p.rejectReason, rejectNote: p.rejectNote } : {}),
      ...(action === "hire"
        ? { contractDate: sql<Date>`${p.contractDate}::date`, wage: p.wage, hiredAt: p.now, relocated: p.relocated }
        : {}),
    };
    return q
      .with("counter", (db) =>
        action === "refer"
          ? db
              .insertInto("ReferralCounter")
              .values({ regionId: p.regionId, year: p.year, last: 1 })
              .onConflict((oc) =>
                oc.columns(["regionId", "year"]).doUpdateSet({ last: sql<number>`"ReferralCounter".last + 1` }),
              )
              .returning("last")
          : db.selectNoFrom(sql<number>`null::int`.as("last")).where(sql<boolean>`false`),
      )
      .with("changed", (db) =>
        db.updateTable("Application").set(set).where("id", "=", p.applicationId).returning(["id", "referralNumber"]),
      )
      .with("event", (db) =>
        db
          .insertInto("ApplicationEvent")
          .columns(["applicationId", "status", "actorUserId", "actorRole", "at", "note"])
          .expression((eb) =>
            eb
              .selectFrom("changed")
              .select([
                "changed.id",
                eb.val(p.status).as("status"),
                eb.val(p.userId).as("actorUserId"),
                eb.val(p.role).as("actorRole"),
                eb.val(p.now).as("at"),
                eb.val(p.note).as("note"),
              ]),
          ),
      )
      .with("audit", (db) =>
        db
          .insertInto("AuditLog")
          .columns(["actorUserId", "action", "entity", "entityId", "before", "after", "at"])
          .expression((eb) =>
            eb
              .selectFrom("changed")
              .select([
                eb.val(p.userId).as("actorUserId"),
                sql<string>`${sql.lit(action)}`.as("action"),
                sql<string>`'Application'`.as("entity"),
                sql<string>`id::text`.as("entityId"),
                sql`${p.before}::jsonb`.as("before"),
                sql`${p.after}::jsonb || jsonb_build_object('referralNumber', "referralNumber", 'by', ${p.role}::text)`.as(
                  "after",
                ),
                eb.val(p.now).as("at"),
              ]),
          ),
      )
      .selectFrom("changed")
      .select("changed.referralNumber");
  });
}
const actionStatements = new Map<ActionInput["action"], ReturnType<typeof actionStatement>>();

/** The relocation allowance's rule for a hire: the person's home district and the project's (domain/relocation.ts). */
async function comesFromAnotherSettlement(
  tx: Transaction,
  homeDistrictId: number | null,
  siteDistrictId: number,
): Promise<boolean> {
  if (homeDistrictId === null) return false;
  const [row] = await tx.all(q.selectNoFrom([placeOf(homeDistrictId).as("home"), placeOf(siteDistrictId).as("site")]));
  return row!.home !== null && row!.site !== null && fromAnotherSettlement(row!.home, row!.site);
}

/**
 * Does one action: staff's on the applications of their centres' districts, or a contractor's
 * representative's on the referrals to their contractor's projects (role "contractor": the outcome
 * only). NotAllowedError when the application is outside the person's reach. Either way it is the
 * same change, event, audit entry and notification; staff may then correct a contractor's record.
 */
export async function actOnApplication(
  deps: ActionDeps,
  userId: number,
  applicationId: number,
  input: ActionInput,
  role: RecorderRole = "staff",
): Promise<ActionResult> {
  const { now } = deps;
  return deps.store.transaction(async (tx) => {
    const application = await applicationInReach(
      tx,
      userId,
      applicationId,
      input.action === "refer" ? "application and position" : "application",
      role,
    );
    if (!canDo(input.action, application.status, { role, outcomeBy: application.outcomeBy })) {
      if (role === "contractor" && input.action === "refer") throw new NotAllowedError();
      return { ok: false, refusal: "wrong_status" };
    }
    const status = ACTION_TO[input.action];
    // An outcome after the referral says who recorded it; a rejection before any referral is no outcome.
    const outcome = input.action !== "refer" && !(input.action === "reject" && application.status === "submitted");
    const params: ActionParams = {
      applicationId,
      userId,
      role,
      outcomeBy: outcome ? role : null,
      now,
      status,
      note: input.action === "reject" ? input.reason : null,
      before: JSON.stringify({ status: application.status }),
      after: "",
      regionId: application.project.regionId,
      year: now.getUTCFullYear(),
      prefix: "",
      rejectReason: null,
      rejectNote: null,
      contractDate: "",
      wage: 0,
      relocated: false,
    };
    const result: ActionResult = { ok: true };
    const after: Record<string, string | number | null> = { status, rejectReason: null, wage: null }; // and the referral number, in SQL

    if (input.action === "refer") {
      if (application.position.taken >= application.position.count) return { ok: false, refusal: "no_room" };
      params.prefix = referralNumberPrefix(application.project.regionCode, params.year);
    } else if (input.action === "reject") {
      Object.assign(params, {
        rejectReason: input.reason,
        rejectNote: input.reason === "other" ? (input.note ?? null) : null,
      });
      after.rejectReason = input.reason;
    } else if (input.action === "hire") {
      const floor = wageFloor(input.contractDate);
      const earliest = application.referredAt?.toISOString().slice(0, 10);
      const day = input.contractDate.toISOString().slice(0, 10);
      if (day > now.toISOString().slice(0, 10) || day < (earliest ?? PROGRAMME_START))
        return { ok: false, refusal: "bad_contract_date" };
      if (input.wage < floor) return { ok: false, refusal: "wage_below_floor", floor };
      result.relocationDue = await comesFromAnotherSettlement(
        tx,
        application.homeDistrictId,
        application.project.districtId,
      );
      if (result.relocationDue) result.relocationAllowance = relocationAllowance(input.contractDate);
      result.floor = floor;
      Object.assign(params, { contractDate: day, wage: input.wage, relocated: result.relocationDue });
      after.wage = input.wage;
    }
    params.after = JSON.stringify(after);

    if (application.userId && input.action !== "no_show") {
      await notify(tx, deps.outbox, {
        userId: application.userId,
        kind: status as "referred" | "rejected" | "hired",
        payload: { applicationId, centreId: application.centreId },
        eventKey: `application:${applicationId}:${status}`,
      });
    }
    if (!actionStatements.has(input.action)) actionStatements.set(input.action, actionStatement(input.action));
    const [changed] = await tx.all(actionStatements.get(input.action)!(params));
    if (input.action === "refer") result.referralNumber = changed!.referralNumber!;
    return result;
  });
}
