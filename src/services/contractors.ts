// Contractors' representatives: invited for one contractor with a one-time link (by that
// contractor's projects' staff, or an admin), they see that contractor's projects and the people
// referred to them, and record what became of each referral: the same action as staff's.
import { hashToken, newInvitationToken } from "./invitation-token.js";
import { sql } from "kysely";
import type { Store } from "../db/store.js";
import { prepared, q } from "../db/typed.js";
import { CONTRACTOR_INVITATION_TTL_HOURS } from "../domain/policies.js";
import { referralQuota } from "../domain/quota.js";
import type { Role } from "../generated/prisma/enums.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import { actOnApplication, type ActionInput, type ActionResult } from "./referrals.js";
import { NotAllowedError, representedContractors, staffDistricts } from "./staff.js";

/** Whether the person may invite for the project's contractor: an admin, or staff of the project's district. */
async function mayInviteFor(store: Store, userId: number, projectId: number) {
  const [row] = await store.all(
    q
      .selectFrom("Project as p")
      .innerJoin("Contractor as c", "c.id", "p.contractorId")
      .select(["c.id", "c.name", "c.bin"])
      .where("p.id", "=", projectId)
      .where((eb) =>
        eb.or([
          eb("p.districtId", "in", staffDistricts(userId)),
          eb.exists(
            eb.selectFrom("User").select("id").where("id", "=", userId).where(sql<boolean>`'admin' = any(roles)`),
          ),
        ]),
      ),
  );
  return row;
}

/**
 * A one-time link token for the representative of the project's contractor; only its hash is
 * stored. NotAllowedError outside the person's reach; null when the project has no contractor.
 */
export async function createContractorInvitation(
  store: Store,
  actorUserId: number,
  projectId: number,
  now: Date,
): Promise<{ token: string; expiresAt: Date; contractor: { name: string; bin: string | null } } | null> {
  const [project] = await store.all(q.selectFrom("Project").select("contractorId").where("id", "=", projectId));
  const contractor = await mayInviteFor(store, actorUserId, projectId);
  if (!contractor) {
    if (project && project.contractorId === null) return null;
    throw new NotAllowedError();
  }
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + CONTRACTOR_INVITATION_TTL_HOURS * 3_600_000);
  await store.transaction(async (tx) => {
    const [invitation] = await tx.all(
      q
        .insertInto("ContractorInvitation")
        .values({
          tokenHash: hashToken(token),
          contractorId: contractor.id,
          createdById: actorUserId,
          expiresAt,
          createdAt: now,
        })
        .returning("id"),
    );
    await audit(tx, {
      actorUserId,
      action: "create_contractor_invitation",
      entity: "ContractorInvitation",
      entityId: invitation!.id,
      at: now,
      after: { contractorId: contractor.id, projectId, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt, contractor: { name: contractor.name, bin: contractor.bin } };
}

export type ContractorInvitationOutcome =
  | { ok: true; contractor: { id: number; name: string; bin: string | null } }
  | { ok: false; reason: "invalid" | "used" | "expired" };

/** Makes the person a representative of the invitation's contractor, once; forged, used and expired links change nothing. */
export async function acceptContractorInvitation(
  store: Store,
  outbox: Outbox,
  userId: number,
  token: string,
  now: Date,
): Promise<ContractorInvitationOutcome> {
  return store.transaction(async (tx) => {
    const [invitation] = await tx.all(
      q
        .selectFrom("ContractorInvitation as i")
        .innerJoin("Contractor as c", "c.id", "i.contractorId")
        .select(["i.id", "i.contractorId", "i.createdById", "i.usedAt", "i.expiresAt", "c.name", "c.bin"])
        .where("i.tokenHash", "=", hashToken(token))
        .forUpdate("i"),
    );
    if (!invitation) return { ok: false, reason: "invalid" } as const;
    if (invitation.usedAt) return { ok: false, reason: "used" } as const;
    if (invitation.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    await tx.run(
      q.updateTable("ContractorInvitation").set({ usedAt: now, usedById: userId }).where("id", "=", invitation.id),
    );
    await tx.run(
      q
        .insertInto("ContractorMembership")
        .values({ userId, contractorId: invitation.contractorId, createdAt: now })
        .onConflict((c) => c.columns(["userId", "contractorId"]).doNothing()),
    );
    const [user] = await tx.all(
      q
        .updateTable("User")
        .set({
          roles: sql<Role[]>`case when 'contractor' = any(roles) then roles else array_append(roles, 'contractor') end`,
        })
        .where("id", "=", userId)
        .returning(["telegramId", "firstName", "username"]),
    );
    if (!user) throw new Error(`no user ${userId}`);
    await audit(tx, {
      actorUserId: userId,
      action: "accept_contractor_invitation",
      entity: "ContractorInvitation",
      entityId: invitation.id,
      at: now,
      after: { contractorId: invitation.contractorId },
    });
    await notify(tx, outbox, {
      userId: invitation.createdById,
      kind: "contractor_joined",
      eventKey: `contractor-invitation:${invitation.id}:used`,
      payload: {
        contractor: invitation.name,
        person: user.firstName ?? (user.username ? `@${user.username}` : String(user.telegramId)),
      },
    });
    return { ok: true, contractor: { id: invitation.contractorId, name: invitation.name, bin: invitation.bin } };
  });
}

export interface ContractorProject {
  id: number;
  nameKk: string;
  nameRu: string;
  contractor: string;
  jobs: number;
  /** The jobs due through the centre (the project's referral quota). */
  quota: number;
  referred: number;
  hired: number;
}

const projectsStatement = prepared((p: { userId: number }) =>
  q
    .selectFrom("Project as p")
    .innerJoin("Contractor as c", "c.id", "p.contractorId")
    .select(({ selectFrom }) => [
      "p.id",
      "p.nameKk",
      "p.nameRu",
      "p.plannedJobs",
      "p.quotaPercent",
      "c.name as contractor",
      selectFrom("Application as a")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("a.projectId", "=", "p.id")
        .where("a.referralNumber", "is not", null)
        .$asScalar()
        .$notNull()
        .as("referred"),
      selectFrom("Application as a")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("a.projectId", "=", "p.id")
        .where("a.status", "=", "hired")
        .$asScalar()
        .$notNull()
        .as("hired"),
    ])
    .where("p.contractorId", "in", representedContractors(p.userId))
    .orderBy("p.id"),
);

/** The projects of the contractors the person represents, each with its referral quota and how it stands. */
export async function contractorProjects(store: Store, userId: number): Promise<ContractorProject[]> {
  const rows = await store.all(projectsStatement({ userId }));
  return rows.map((row) => ({
    id: row.id,
    nameKk: row.nameKk,
    nameRu: row.nameRu,
    contractor: row.contractor,
    jobs: row.plannedJobs,
    quota: referralQuota(row.plannedJobs, row.quotaPercent),
    referred: row.referred,
    hired: row.hired,
  }));
}

/**
 * The referrals to the projects of the contractors a person represents, as a contractor may see
 * them: the name the person gave (none once they erased their data), never their IIN.
 */
const referralsOf = (userId: number) =>
  q
    .selectFrom("Application as a")
    .innerJoin("Project as p", "p.id", "a.projectId")
    .innerJoin("Position as s", "s.id", "a.positionId")
    .innerJoin("Profession as f", "f.id", "s.professionId")
    .leftJoin("SeekerProfile as sp", "sp.userId", "a.userId")
    .select([
      "a.id as applicationId",
      "a.projectId",
      "p.nameKk as projectKk",
      "p.nameRu as projectRu",
      "sp.fullName",
      "a.referralNumber",
      "a.referredAt",
      "f.nameKk",
      "f.nameRu",
      "s.monthlyWage",
      "a.status",
      "a.outcomeBy",
    ])
    .where("a.referralNumber", "is not", null)
    .where("p.contractorId", "in", representedContractors(userId));

export type ReferredPerson = Awaited<ReturnType<typeof referredPerson>>;

/** The latest referrals of a project a contractor is shown, one button each (Telegram allows 100 a message). */
export const REFERRED_SHOWN = 50;

/** The people referred to one of the person's contractors' projects, the latest first; NotAllowedError for another's. */
export async function referredToProject(store: Store, userId: number, projectId: number): Promise<ReferredPerson[]> {
  const [project] = await store.all(
    q
      .selectFrom("Project")
      .select("id")
      .where("id", "=", projectId)
      .where("contractorId", "in", representedContractors(userId)),
  );
  if (!project) throw new NotAllowedError();
  return store.all(
    referralsOf(userId).where("a.projectId", "=", projectId).orderBy("a.referredAt", "desc").limit(REFERRED_SHOWN),
  );
}

/** One referred person as the contractor sees them (name, number, position, date, status); NotAllowedError for another's. */
export async function referredPerson(store: Store, userId: number, applicationId: number) {
  const [row] = await store.all(referralsOf(userId).where("a.id", "=", applicationId));
  if (!row) throw new NotAllowedError();
  return row;
}

/** A contractor's record of a referral's outcome: hired, did not come, not hired (with a reason). */
export type ContractorRecord = Extract<ActionInput, { action: "hire" | "no_show" | "reject" }>;

export function recordOutcome(
  store: Store,
  outbox: Outbox,
  userId: number,
  applicationId: number,
  input: ContractorRecord,
  now: Date,
): Promise<ActionResult> {
  return actOnApplication({ store, outbox, now }, userId, applicationId, input, "contractor");
}
