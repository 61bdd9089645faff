// Admin work: employment centres, their districts, invitations for staff, and who the staff are.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import { INVITATION_TTL_HOURS } from "../domain/policies.js";
import type { Role } from "../generated/prisma/enums.js";
import { audit } from "./audit.js";
import { notify, type Outbox } from "./notifications.js";
import { NotAllowedError } from "./staff.js";

export interface CentreInput {
  nameKk: string;
  nameRu: string;
  addressKk: string;
  addressRu: string;
  phone: string;
  districtIds: number[];
}

/** The admin role is checked in the database, not only from the button that was pressed. */
export async function assertAdmin(db: Db, userId: number): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { roles: true } });
  if (!user?.roles.includes("admin")) throw new NotAllowedError();
}

export const centreById = (db: Db, id: number) => db.employmentCentre.findUnique({ where: { id } });

/** The centre of the person's district, when they have a profile (the first, when several cover it). */
export async function centreOfPerson(db: Db, userId: number) {
  const profile = await db.seekerProfile.findUnique({ where: { userId }, select: { districtId: true } });
  if (!profile) return null;
  return db.employmentCentre.findFirst({ where: { districts: { some: { districtId: profile.districtId } } }, orderBy: { id: "asc" } });
}

/** Every staff membership; or those of the given centres. */
export const staffMemberships = (db: Db, centreIds?: number[]) =>
  db.staffMembership.findMany({ where: centreIds ? { centreId: { in: centreIds } } : {}, orderBy: { id: "asc" } });

export const listCentres = (db: Db) =>
  db.employmentCentre.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { staff: true, districts: true } } } });

export const centreDetails = (db: Db, id: number) =>
  db.employmentCentre.findUnique({ where: { id }, include: { districts: { include: { district: true } }, staff: { include: { user: true } } } });

const snapshot = (centre: Omit<CentreInput, "districtIds"> & { districts?: Array<{ districtId: number }> }) => ({
  nameKk: centre.nameKk, nameRu: centre.nameRu, addressKk: centre.addressKk, addressRu: centre.addressRu, phone: centre.phone,
  districtIds: centre.districts?.map((d) => d.districtId) ?? [],
});

/** Creates a centre (id undefined) or replaces its fields and districts. */
export async function saveCentre(db: Db, actorUserId: number, id: number | undefined, input: CentreInput) {
  await assertAdmin(db, actorUserId);
  const { districtIds, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = id ? await tx.employmentCentre.findUnique({ where: { id }, include: { districts: true } }) : null;
    if (id && !before) throw new NotAllowedError();
    const centre = id ? await tx.employmentCentre.update({ where: { id }, data: fields }) : await tx.employmentCentre.create({ data: fields });
    await tx.centreDistrict.deleteMany({ where: { centreId: centre.id } });
    await tx.centreDistrict.createMany({ data: [...new Set(districtIds)].map((districtId) => ({ centreId: centre.id, districtId })) });
    await audit(tx, {
      actorUserId, action: id ? "update_centre" : "create_centre", entity: "EmploymentCentre", entityId: centre.id,
      before: before ? snapshot(before) : undefined, after: { ...fields, districtIds },
    });
    return centre;
  });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A one-time link token for a centre; only its hash is stored. null when the centre does not exist (a stale button). */
export async function createInvitation(db: Db, actorUserId: number, centreId: number, now: Date): Promise<{ token: string; expiresAt: Date } | null> {
  await assertAdmin(db, actorUserId);
  if (!(await db.employmentCentre.findUnique({ where: { id: centreId }, select: { id: true } }))) return null;
  const token = randomBytes(18).toString("base64url"); // 24 characters, fits start=s<token>
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({ data: { tokenHash: hashToken(token), centreId, createdById: actorUserId, expiresAt, createdAt: now } });
    await audit(tx, { actorUserId, action: "create_invitation", entity: "Invitation", entityId: invitation.id, at: now, after: { centreId, expiresAt: expiresAt.toISOString() } });
  });
  return { token, expiresAt };
}

export type InvitationOutcome = { ok: true; centreId: number } | { ok: false; reason: "invalid" | "used" | "expired" };

const withRole = (roles: Role[], role: Role) => (roles.includes(role) ? roles : [...roles, role]);

/** Makes the person staff of the invitation's centre, once; forged, used and expired links change nothing. */
export async function acceptInvitation(db: Db, outbox: Outbox, userId: number, token: string, now: Date): Promise<InvitationOutcome> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: number }>>`select id from "Invitation" where "tokenHash" = ${hashToken(token)} for update`;
    if (!row) return { ok: false, reason: "invalid" } as const;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: row.id } });
    if (invitation.usedAt) return { ok: false, reason: "used" } as const;
    if (invitation.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now, usedById: userId } });
    await tx.staffMembership.upsert({ where: { userId_centreId: { userId, centreId: invitation.centreId } }, create: { userId, centreId: invitation.centreId }, update: {} });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.user.update({ where: { id: userId }, data: { roles: withRole(user.roles, "staff") } });
    await audit(tx, { actorUserId: userId, action: "accept_invitation", entity: "Invitation", entityId: invitation.id, after: { centreId: invitation.centreId } });
    await notify(tx, outbox, {
      userId: invitation.createdById, kind: "invitation_used", eventKey: `invitation:${invitation.id}:used`,
      payload: { centreId: invitation.centreId, person: user.firstName ?? (user.username ? `@${user.username}` : String(user.telegramId)) },
    });
    return { ok: true, centreId: invitation.centreId } as const;
  });
}

/** Removes a person from a centre's staff; the staff role goes with their last centre. */
export async function removeStaff(db: Db, outbox: Outbox, actorUserId: number, centreId: number, userId: number, now: Date): Promise<boolean> {
  await assertAdmin(db, actorUserId);
  return db.$transaction(async (tx) => {
    const removed = await tx.staffMembership.deleteMany({ where: { centreId, userId } });
    if (removed.count === 0) return false;
    const remaining = await tx.staffMembership.count({ where: { userId } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (remaining === 0) await tx.user.update({ where: { id: userId }, data: { roles: user.roles.filter((role) => role !== "staff") } });
    await audit(tx, { actorUserId, action: "remove_staff", entity: "StaffMembership", entityId: `${centreId}:${userId}`, before: { centreId, userId }, at: now });
    await notify(tx, outbox, { userId, kind: "staff_removed", eventKey: `staff:${centreId}:${userId}:removed:${now.getTime()}`, payload: { centreId } });
    return true;
  });
}
