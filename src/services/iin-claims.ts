// An IIN is not first come, first served. An account may try a few IINs a day; an IIN registered
// from another account is answered with no more than "contact your centre"; the person may then
// ask their employment centre, and staff who checked their identity document in person move the
// registration to them (audited; the account it leaves is told).
import type { Db } from "../db/client.js";
import { queryRows } from "../db/reads.js";
import { Prisma } from "../generated/prisma/client.js";
import { kazakhstanDay } from "../domain/report.js";
import { IIN_ATTEMPTS_PER_DAY } from "../domain/retention.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import type { Pii } from "./pii.js";
import { centreDistrictsOf, NotAllowedError, staffDistrictIds } from "./staff.js";

/** Counts an IIN tried by the account; false once it passed the day's IIN_ATTEMPTS_PER_DAY. */
export async function countIinAttempt(db: Db, userId: number, now: Date): Promise<boolean> {
  const day = kazakhstanDay(now);
  const [row] = await db.$queryRaw<Array<{ attempts: number }>>`
    update "User" set "iinAttempts" = case when "iinAttemptDay" = ${day}::date then "iinAttempts" + 1 else 1 end, "iinAttemptDay" = ${day}::date
    where id = ${userId} returning "iinAttempts" as attempts`;
  return (row?.attempts ?? Infinity) <= IIN_ATTEMPTS_PER_DAY;
}

export async function fileIinClaim(db: Db, pii: Pii, claim: { userId: number; iin: string; phone: string; districtId: number }): Promise<void> {
  await db.iinClaim.create({
    data: { claimantUserId: claim.userId, iinHash: pii.hash(claim.iin), iinCipher: pii.encrypt(claim.iin), phoneCipher: pii.encrypt(claim.phone), districtId: claim.districtId },
  });
}

/** How many requests of the staff member's districts are open: one prepared query, read with every queue page. */
export async function openIinClaimCount(db: Db, userId: number): Promise<number> {
  const [row] = await queryRows<{ open: number }>(db, Prisma.sql`
    select count(*)::int as open from "IinClaim" c
    where c."resolvedAt" is null and c."districtId" in (select "districtId" from (${centreDistrictsOf(userId)}) mine)`);
  return row!.open;
}

/** The open requests of the staff member's districts, oldest first. */
export async function openIinClaims(db: Db, userId: number) {
  const districts = await staffDistrictIds(db, userId);
  return db.iinClaim.findMany({ where: { districtId: { in: districts }, resolvedAt: null }, orderBy: { id: "asc" }, include: { district: true } });
}

/** A request of the staff member's districts, with the contact and the masked IIN; NotAllowedError for any other. */
export async function iinClaimCard(db: Db, pii: Pii, userId: number, claimId: number) {
  const claim = await db.iinClaim.findFirst({ where: { id: claimId, districtId: { in: await staffDistrictIds(db, userId) } }, include: { district: true } });
  if (!claim) throw new NotAllowedError();
  return { ...claim, phone: pii.decrypt(claim.phoneCipher), iinLast4: pii.decrypt(claim.iinCipher).slice(-4) };
}

export type ClaimOutcome = "moved" | "declined" | "already_resolved";

/**
 * Staff decide a request after checking the identity document in person: "moved" gives the
 * registration (profile, with the phone the claimant shared, and applications) to the claimant's
 * account, tells the account it leaves and asks the claimant to check the rest of the profile;
 * "declined" leaves it where it is. Audited either way.
 */
export async function resolveIinClaim(db: Db, outbox: Outbox, staffUserId: number, claimId: number, decision: "move" | "decline", now: Date): Promise<ClaimOutcome> {
  const districts = await staffDistrictIds(db, staffUserId);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: number }>>`select id from "IinClaim" where id = ${claimId} and "districtId" = any(${districts}::int[]) for update`;
    if (!locked) throw new NotAllowedError();
    const claim = await tx.iinClaim.findUniqueOrThrow({ where: { id: claimId } });
    if (claim.resolvedAt) return "already_resolved";
    const profile = await tx.seekerProfile.findUnique({ where: { iinHash: claim.iinHash } });
    const outcome = decision === "move" && profile && profile.userId !== claim.claimantUserId ? "moved" : "declined";
    if (outcome === "moved") {
      const from = profile!.userId;
      await tx.seekerProfile.deleteMany({ where: { userId: claim.claimantUserId } });
      await tx.seekerProfile.update({ where: { id: profile!.id }, data: { userId: claim.claimantUserId, phoneCipher: claim.phoneCipher } });
      await tx.application.updateMany({ where: { userId: from }, data: { userId: claim.claimantUserId } });
      await tx.subscription.deleteMany({ where: { userId: from } });
      await notify(tx, outbox, { userId: from, kind: "registration_moved", payload: {}, eventKey: `iin-claim:${claim.id}:moved` });
      await notify(tx, outbox, { userId: claim.claimantUserId, kind: "registration_received", payload: {}, eventKey: `iin-claim:${claim.id}:received` });
    }
    await tx.iinClaim.update({ where: { id: claimId }, data: { resolvedAt: now, outcome, resolvedById: staffUserId } });
    await audit(tx, { actorUserId: staffUserId, action: "resolve_iin_claim", entity: "IinClaim", entityId: claim.id, at: now, after: { outcome, districtId: claim.districtId } });
    return outcome;
  });
}
