// An IIN is not first come, first served. An account may try a few IINs a day; an IIN registered
// from another account is answered with no more than "contact your centre"; the person may then
// ask their employment centre, and staff who checked their identity document in person move the
// registration to them (audited; the account it leaves is told).
import type { Store } from "../db/store.js";
import { Prisma } from "../generated/prisma/client.js";
import { kazakhstanDay } from "../domain/report.js";
import { IIN_ATTEMPTS_PER_DAY } from "../domain/retention.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import type { Pii } from "./pii.js";
import { centreDistrictsOf, NotAllowedError, staffDistrictIds } from "./staff.js";

/** Counts an IIN tried by the account; false once it passed the day's IIN_ATTEMPTS_PER_DAY. */
export async function countIinAttempt(store: Store, userId: number, now: Date): Promise<boolean> {
  const day = kazakhstanDay(now);
  const [row] = await store.rows<{ attempts: number }>(Prisma.sql`
    update "User" set "iinAttempts" = case when "iinAttemptDay" = ${day}::date then "iinAttempts" + 1 else 1 end, "iinAttemptDay" = ${day}::date
    where id = ${userId} returning "iinAttempts" as attempts`);
  return (row?.attempts ?? Infinity) <= IIN_ATTEMPTS_PER_DAY;
}

export async function fileIinClaim(store: Store, pii: Pii, claim: { userId: number; iin: string; phone: string; districtId: number }): Promise<void> {
  await store.db.iinClaim.create({
    data: { claimantUserId: claim.userId, iinHash: pii.hash(claim.iin), iinCipher: pii.encrypt(claim.iin), phoneCipher: pii.encrypt(claim.phone), districtId: claim.districtId },
  });
}

/** How many requests of the staff member's districts are open: one prepared query, read with every queue page. */
export async function openIinClaimCount(store: Store, userId: number): Promise<number> {
  const [row] = await store.rows<{ open: number }>(Prisma.sql`
    select count(*)::int as open from "IinClaim" c
    where c."resolvedAt" is null and c."districtId" in (select "districtId" from (${centreDistrictsOf(userId)}) mine)`);
  return row!.open;
}

/** The open requests of the staff member's districts, oldest first. */
export async function openIinClaims(store: Store, userId: number) {
  const districts = await staffDistrictIds(store, userId);
  return store.db.iinClaim.findMany({ where: { districtId: { in: districts }, resolvedAt: null }, orderBy: { id: "asc" }, include: { district: true } });
}

/** A request of the staff member's districts, with the contact and the masked IIN; NotAllowedError for any other. */
export async function iinClaimCard(store: Store, pii: Pii, userId: number, claimId: number) {
  const claim = await store.db.iinClaim.findFirst({ where: { id: claimId, districtId: { in: await staffDistrictIds(store, userId) } }, include: { district: true } });
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
export async function resolveIinClaim(store: Store, outbox: Outbox, staffUserId: number, claimId: number, decision: "move" | "decline", now: Date): Promise<ClaimOutcome> {
  const districts = await staffDistrictIds(store, staffUserId);
  return store.transaction(async (tx) => {
    const [claim] = await tx.rows<{ id: number; claimantUserId: number; iinHash: string; phoneCipher: string; districtId: number; resolvedAt: Date | null }>(Prisma.sql`
      select id, "claimantUserId", "iinHash", "phoneCipher", "districtId", "resolvedAt" from "IinClaim"
      where id = ${claimId} and "districtId" = any(${districts}::int[]) for update`);
    if (!claim) throw new NotAllowedError();
    if (claim.resolvedAt) return "already_resolved";
    const [profile] = await tx.rows<{ id: number; userId: number }>(Prisma.sql`select id, "userId" from "SeekerProfile" where "iinHash" = ${claim.iinHash} for update`);
    const outcome = decision === "move" && profile && profile.userId !== claim.claimantUserId ? "moved" : "declined";
    if (outcome === "moved") {
      const from = profile!.userId;
      await tx.execute(Prisma.sql`delete from "SeekerProfile" where "userId" = ${claim.claimantUserId}`);
      await tx.execute(Prisma.sql`
        update "SeekerProfile" set "userId" = ${claim.claimantUserId}, "phoneCipher" = ${claim.phoneCipher}, "updatedAt" = ${now} where id = ${profile!.id}`);
      await tx.execute(Prisma.sql`update "Application" set "userId" = ${claim.claimantUserId}, "updatedAt" = ${now} where "userId" = ${from}`);
      await tx.execute(Prisma.sql`delete from "Subscription" where "userId" = ${from}`);
      await notify(tx, outbox, { userId: from, kind: "registration_moved", payload: {}, eventKey: `iin-claim:${claim.id}:moved` });
      await notify(tx, outbox, { userId: claim.claimantUserId, kind: "registration_received", payload: {}, eventKey: `iin-claim:${claim.id}:received` });
    }
    await tx.execute(Prisma.sql`update "IinClaim" set "resolvedAt" = ${now}, outcome = ${outcome}, "resolvedById" = ${staffUserId} where id = ${claimId}`);
    await audit(tx, { actorUserId: staffUserId, action: "resolve_iin_claim", entity: "IinClaim", entityId: claim.id, at: now, after: { outcome, districtId: claim.districtId } });
    return outcome;
  });
}
