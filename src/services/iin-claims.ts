// An IIN is not first come, first served. An account may try a few IINs a day; an IIN registered
// from another account is answered with no more than "contact your centre"; the person may then
// ask their employment centre, and staff who checked their identity document in person move the
// registration to them, two people agreeing (audited; the account it leaves is told).
import type { SqlRunner, Store, Transaction } from "../db/store.js";
import { sql } from "kysely";
import { prepared, q } from "../db/typed.js";
import { kazakhstanDay } from "../domain/report.js";
import { IIN_ATTEMPTS_PER_DAY } from "../domain/retention.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import type { Pii } from "./pii.js";
import { NotAllowedError, staffDistricts, staffDistrictIds } from "./staff.js";

/** Counts an IIN tried by the account; false once it passed the day's IIN_ATTEMPTS_PER_DAY. */
export async function countIinAttempt(store: Store, userId: number, now: Date): Promise<boolean> {
  const day = kazakhstanDay(now);
  const dayDate = sql<Date>`${day}::date`;
  const [row] = await store.all(
    q
      .updateTable("User")
      .set((eb) => ({
        iinAttempts: eb
          .case()
          .when("iinAttemptDay", "=", dayDate)
          .then(eb("iinAttempts", "+", 1))
          .else(1)
          .end(),
        iinAttemptDay: dayDate,
      }))
      .where("id", "=", userId)
      .returning("iinAttempts as attempts"),
  );
  return (row?.attempts ?? Infinity) <= IIN_ATTEMPTS_PER_DAY;
}

export async function fileIinClaim(
  store: Store,
  pii: Pii,
  claim: { userId: number; iin: string; phone: string; districtId: number },
): Promise<void> {
  await store.db.iinClaim.create({
    data: {
      claimantUserId: claim.userId,
      iinHash: pii.hash(claim.iin),
      iinCipher: pii.encrypt(claim.iin),
      phoneCipher: pii.encrypt(claim.phone),
      districtId: claim.districtId,
    },
  });
}

/** Read with every queue page: compiled once. */
const openCountStatement = prepared((p: { userId: number }) =>
  q
    .selectFrom("IinClaim as c")
    .select(sql<number>`count(*)::int`.as("open"))
    .where("c.resolvedAt", "is", null)
    .where("c.districtId", "in", staffDistricts(p.userId)),
);

/** How many requests of the staff member's districts are open: one prepared query, read with every queue page. */
export async function openIinClaimCount(store: Store, userId: number): Promise<number> {
  const [row] = await store.all(openCountStatement({ userId }));
  return row!.open;
}

/**
 * Who may decide a request: an admin anywhere, staff in their centres' districts. Four eyes on
 * identity: never the claimant, and never a colleague of a claimant who is staff themselves (a
 * centre would then vouch for its own). Answers the districts in reach (null: every district) and
 * the centres whose staff may not act because the claimant works there.
 */
async function claimReach(
  runner: SqlRunner,
  userId: number,
): Promise<{ districts: number[] | null; centres: number[] }> {
  const [user] = await runner.all(
    q
      .selectFrom("User as u")
      .select(({ selectFrom }) => [
        sql<boolean>`'admin' = any(coalesce(u.roles::text[], '{}'))`.as("admin"),
        sql<number[]>`array(${selectFrom("StaffMembership").select("centreId").where("userId", "=", userId)})`.as(
          "centres",
        ),
      ])
      .where("u.id", "=", userId),
  );
  if (!user) return { districts: [], centres: [] };
  return { districts: user.admin ? null : await staffDistrictIds(runner, userId), centres: user.centres };
}

const inReach = (districts: number[] | null) => (districts === null ? {} : { districtId: { in: districts } });

/** The open requests the person may see (an admin: all of them), oldest first. */
export async function openIinClaims(store: Store, userId: number) {
  const { districts } = await claimReach(store, userId);
  return store.db.iinClaim.findMany({
    where: { ...inReach(districts), resolvedAt: null },
    orderBy: { id: "asc" },
    include: { district: true },
  });
}

/** Why this person may not decide the claim, if they may not: the claimant, or a colleague of a claimant who is staff. */
async function conflictOf(
  runner: SqlRunner,
  userId: number,
  myCentres: number[],
  claimantUserId: number,
): Promise<"own_claim" | "colleague" | null> {
  if (claimantUserId === userId) return "own_claim";
  if (!myCentres.length) return null;
  const shared = await runner.all(
    q
      .selectFrom("StaffMembership")
      .select("id")
      .where("userId", "=", claimantUserId)
      .where(sql<boolean>`"centreId" = any(${myCentres}::int[])`),
  );
  return shared.length ? "colleague" : null;
}

/**
 * A request the person may see, with the contact and the masked IIN, who proposed moving it (if
 * anyone) and whether this person may decide it; NotAllowedError for any other request.
 */
export async function iinClaimCard(store: Store, pii: Pii, userId: number, claimId: number) {
  const { districts, centres } = await claimReach(store, userId);
  const claim = await store.db.iinClaim.findFirst({
    where: { id: claimId, ...inReach(districts) },
    include: { district: true },
  });
  if (!claim) throw new NotAllowedError();
  const proposer = claim.proposedById
    ? await store.db.user.findUnique({
        where: { id: claim.proposedById },
        select: { firstName: true, telegramId: true },
      })
    : null;
  return {
    ...claim,
    phone: pii.decrypt(claim.phoneCipher),
    iinLast4: pii.decrypt(claim.iinCipher).slice(-4),
    proposal:
      claim.proposedById && claim.proposedAt
        ? {
            mine: claim.proposedById === userId,
            at: claim.proposedAt,
            by: proposer?.firstName ?? String(proposer?.telegramId ?? "—"),
          }
        : null,
    conflict: await conflictOf(store, userId, centres, claim.claimantUserId),
  };
}

export type ClaimOutcome = "proposed" | "awaiting_second" | "moved" | "declined" | "already_resolved";

/**
 * A decision on a request, after the identity document was checked in person. "decline" closes it.
 * "move" is done by two people: the first proposes it, a second one (another staff member of a
 * centre of the district, or an admin) confirms; then the registration (profile, with the phone the
 * claimant shared, and applications) goes to the claimant's account, the account it leaves is told,
 * the claimant is asked to check the rest of the profile, and the staff of the centre of the
 * profile's district are told. Every step is audited; anyone who may not decide gets NotAllowedError.
 */
export async function resolveIinClaim(
  store: Store,
  outbox: Outbox,
  actorUserId: number,
  claimId: number,
  decision: "move" | "decline",
  now: Date,
): Promise<ClaimOutcome> {
  const { districts, centres } = await claimReach(store, actorUserId);
  return store.transaction(async (tx) => {
    const [claim] = await tx.all(
      q
        .selectFrom("IinClaim")
        .select(["id", "claimantUserId", "iinHash", "phoneCipher", "districtId", "resolvedAt", "proposedById"])
        .where("id", "=", claimId)
        .$if(districts !== null, (query) => query.where(sql<boolean>`"districtId" = any(${districts}::int[])`))
        .forUpdate(),
    );
    if (!claim || (await conflictOf(tx, actorUserId, centres, claim.claimantUserId))) throw new NotAllowedError();
    if (claim.resolvedAt) return "already_resolved";
    const [profile] = await tx.all(
      q
        .selectFrom("SeekerProfile")
        .select(["id", "userId", "districtId"])
        .where("iinHash", "=", claim.iinHash)
        .forUpdate(),
    );
    const movable = decision === "move" && profile !== undefined && profile.userId !== claim.claimantUserId;
    const record = (outcome: ClaimOutcome) =>
      audit(tx, {
        actorUserId,
        action: "resolve_iin_claim",
        entity: "IinClaim",
        entityId: claim.id,
        at: now,
        after: { outcome, districtId: claim.districtId },
      });
    if (movable && claim.proposedById === actorUserId) return "awaiting_second";
    if (movable && claim.proposedById === null) {
      await tx.run(
        q.updateTable("IinClaim").set({ proposedById: actorUserId, proposedAt: now }).where("id", "=", claim.id),
      );
      await record("proposed");
      return "proposed";
    }
    const outcome = movable ? "moved" : "declined";
    if (outcome === "moved") await moveRegistration(tx, outbox, claim, profile!, now);
    await tx.run(
      q.updateTable("IinClaim").set({ resolvedAt: now, outcome, resolvedById: actorUserId }).where("id", "=", claimId),
    );
    await record(outcome);
    return outcome;
  });
}

async function moveRegistration(
  tx: Transaction,
  outbox: Outbox,
  claim: { id: number; claimantUserId: number; phoneCipher: string; districtId: number },
  profile: { id: number; userId: number; districtId: number },
  now: Date,
): Promise<void> {
  const from = profile.userId;
  await tx.run(q.deleteFrom("SeekerProfile").where("userId", "=", claim.claimantUserId));
  await tx.run(
    q
      .updateTable("SeekerProfile")
      .set({ userId: claim.claimantUserId, phoneCipher: claim.phoneCipher, updatedAt: now })
      .where("id", "=", profile.id),
  );
  await tx.run(
    q.updateTable("Application").set({ userId: claim.claimantUserId, updatedAt: now }).where("userId", "=", from),
  );
  await tx.run(q.deleteFrom("Subscription").where("userId", "=", from));
  await notify(tx, outbox, {
    userId: from,
    kind: "registration_moved",
    payload: {},
    eventKey: `iin-claim:${claim.id}:moved`,
  });
  await notify(tx, outbox, {
    userId: claim.claimantUserId,
    kind: "registration_received",
    payload: {},
    eventKey: `iin-claim:${claim.id}:received`,
  });
  const staffOfProfileDistrict = await tx.all(
    q
      .selectFrom("StaffMembership as sm")
      .innerJoin("CentreDistrict as cd", "cd.centreId", "sm.centreId")
      .select("sm.userId")
      .distinct()
      .where("cd.districtId", "=", profile.districtId),
  );
  for (const { userId } of staffOfProfileDistrict) {
    await notify(tx, outbox, {
      userId,
      kind: "registration_moved_centre",
      eventKey: `iin-claim:${claim.id}:centre:${userId}`,
      payload: { claimId: claim.id, districtId: profile.districtId, claimDistrictId: claim.districtId },
    });
  }
}
