// Admin work: employment centres, their districts, invitations for staff, and who the staff are.
import { sql } from "kysely";
import type { Role } from "../generated/prisma/enums.js";
import { q } from "../db/typed.js";
import { hashToken, newInvitationToken } from "./invitation-token.js";
import type { Store } from "../db/store.js";
import { INVITATION_TTL_HOURS } from "../domain/policies.js";
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
export async function assertAdmin(store: Store, userId: number): Promise<void> {
  const user = await store.db.user.findUnique({ where: { id: userId }, select: { roles: true } });
  if (!user?.roles.includes("admin")) throw new NotAllowedError();
}

export const centreById = (store: Store, id: number) => store.db.employmentCentre.findUnique({ where: { id } });

/** The centre of the person's district, when they have a profile (the first, when several cover it). */
export async function centreOfPerson(store: Store, userId: number) {
  const profile = await store.db.seekerProfile.findUnique({ where: { userId }, select: { districtId: true } });
  if (!profile) return null;
  return store.db.employmentCentre.findFirst({
    where: { districts: { some: { districtId: profile.districtId } } },
    orderBy: { id: "asc" },
  });
}

/** Every staff membership; or those of the given centres. */
export const staffMemberships = (store: Store, centreIds?: number[]) =>
  store.db.staffMembership.findMany({
    where: centreIds ? { centreId: { in: centreIds } } : {},
    orderBy: { id: "asc" },
  });

export const listCentres = (store: Store) =>
  store.db.employmentCentre.findMany({
    orderBy: { id: "asc" },
    include: { _count: { select: { staff: true, districts: true } } },
  });

export const centreDetails = (store: Store, id: number) =>
  store.db.employmentCentre.findUnique({
    where: { id },
    include: { districts: { include: { district: true } }, staff: { include: { user: true } } },
  });

/** Creates a centre (id undefined) or replaces its fields and districts. */
export async function saveCentre(store: Store, actorUserId: number, id: number | undefined, input: CentreInput) {
  await assertAdmin(store, actorUserId);
  const { districtIds, ...fields } = input;
  return store.transaction(async (tx) => {
    const [before] = id
      ? await tx.all(
          q
            .selectFrom("EmploymentCentre as c")
            .select(({ selectFrom }) => [
              "c.nameKk",
              "c.nameRu",
              "c.addressKk",
              "c.addressRu",
              "c.phone",
              sql<
                number[]
              >`array(${selectFrom("CentreDistrict").select("districtId").whereRef("centreId", "=", "c.id").orderBy("districtId")})`.as(
                "districtIds",
              ),
            ])
            .where("c.id", "=", id)
            .forUpdate(),
        )
      : [];
    if (id && !before) throw new NotAllowedError();
    const row = {
      nameKk: fields.nameKk,
      nameRu: fields.nameRu,
      addressKk: fields.addressKk,
      addressRu: fields.addressRu,
      phone: fields.phone,
    };
    const [centre] = await tx.all(
      id
        ? q.updateTable("EmploymentCentre").set(row).where("id", "=", id).returningAll()
        : q
            .insertInto("EmploymentCentre")
            .values({ ...row, createdAt: new Date() })
            .returningAll(),
    );
    await tx.run(q.deleteFrom("CentreDistrict").where("centreId", "=", centre!.id));
    const districts = [...new Set(districtIds)];
    if (districts.length)
      await tx.run(
        q.insertInto("CentreDistrict").values(districts.map((districtId) => ({ centreId: centre!.id, districtId }))),
      );
    await audit(tx, {
      actorUserId,
      action: id ? "update_centre" : "create_centre",
      entity: "EmploymentCentre",
      entityId: centre!.id,
      before,
      after: { ...fields, districtIds },
    });
    return centre!;
  });
}

/** A one-time link token for a centre; only its hash is stored. null when the centre does not exist (a stale button). */
export async function createInvitation(
  store: Store,
  actorUserId: number,
  centreId: number,
  now: Date,
): Promise<{ token: string; expiresAt: Date } | null> {
  await assertAdmin(store, actorUserId);
  if (!(await store.db.employmentCentre.findUnique({ where: { id: centreId }, select: { id: true } }))) return null;
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000);
  await store.transaction(async (tx) => {
    const [invitation] = await tx.all(
      q
        .insertInto("Invitation")
        .values({ tokenHash: hashToken(token), centreId, createdById: actorUserId, expiresAt, createdAt: now })
        .returning("id"),
    );
    await audit(tx, {
      actorUserId,
      action: "create_invitation",
      entity: "Invitation",
      entityId: invitation!.id,
      at: now,
      after: { centreId, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt };
}

export type InvitationOutcome = { ok: true; centreId: number } | { ok: false; reason: "invalid" | "used" | "expired" };

/** Makes the person staff of the invitation's centre, once; forged, used and expired links change nothing. */
export async function acceptInvitation(
  store: Store,
  outbox: Outbox,
  userId: number,
  token: string,
  now: Date,
): Promise<InvitationOutcome> {
  return store.transaction(async (tx) => {
    const [invitation] = await tx.all(
      q
        .selectFrom("Invitation")
        .select(["id", "centreId", "createdById", "usedAt", "expiresAt"])
        .where("tokenHash", "=", hashToken(token))
        .forUpdate(),
    );
    if (!invitation) return { ok: false, reason: "invalid" } as const;
    if (invitation.usedAt) return { ok: false, reason: "used" } as const;
    if (invitation.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    await tx.run(q.updateTable("Invitation").set({ usedAt: now, usedById: userId }).where("id", "=", invitation.id));
    await tx.run(
      q
        .insertInto("StaffMembership")
        .values({ userId, centreId: invitation.centreId, createdAt: now })
        .onConflict((c) => c.columns(["userId", "centreId"]).doNothing()),
    );
    // Array functions on the enum array, which Kysely has no builders for: a typed fragment.
    const [user] = await tx.all(
      q
        .updateTable("User")
        .set({ roles: sql<Role[]>`case when 'staff' = any(roles) then roles else array_append(roles, 'staff') end` })
        .where("id", "=", userId)
        .returning(["telegramId", "firstName", "username"]),
    );
    if (!user) throw new Error(`no user ${userId}`);
    await audit(tx, {
      actorUserId: userId,
      action: "accept_invitation",
      entity: "Invitation",
      entityId: invitation.id,
      after: { centreId: invitation.centreId },
    });
    await notify(tx, outbox, {
      userId: invitation.createdById,
      kind: "invitation_used",
      eventKey: `invitation:${invitation.id}:used`,
      payload: {
        centreId: invitation.centreId,
        person: user.firstName ?? (user.username ? `@${user.username}` : String(user.telegramId)),
      },
    });
    return { ok: true, centreId: invitation.centreId } as const;
  });
}

/** Removes a person from a centre's staff; the staff role goes with their last centre. */
export async function removeStaff(
  store: Store,
  outbox: Outbox,
  actorUserId: number,
  centreId: number,
  userId: number,
  now: Date,
): Promise<boolean> {
  await assertAdmin(store, actorUserId);
  return store.transaction(async (tx) => {
    const removed = await tx.run(
      q.deleteFrom("StaffMembership").where("centreId", "=", centreId).where("userId", "=", userId),
    );
    if (removed === 0) return false;
    await tx.run(
      q
        .updateTable("User")
        .set({ roles: sql<Role[]>`array_remove(roles, 'staff')` })
        .where("id", "=", userId)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("StaffMembership").select("id").where("userId", "=", userId))),
        ),
    );
    await audit(tx, {
      actorUserId,
      action: "remove_staff",
      entity: "StaffMembership",
      entityId: `${centreId}:${userId}`,
      before: { centreId, userId },
      at: now,
    });
    await notify(tx, outbox, {
      userId,
      kind: "staff_removed",
      eventKey: `staff:${centreId}:${userId}:removed:${now.getTime()}`,
      payload: { centreId },
    });
    return true;
  });
}
