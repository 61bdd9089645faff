// Applying for a referral, and following one's applications.
import type { Db } from "../db/client.js";
import { Prisma } from "../generated/prisma/client.js";
import { ageOn } from "../domain/iin.js";
import { PLACE_TAKING_STATUSES } from "../domain/referral.js";
import { isMinor, isNeet, isStudent, isYouth, priorityGroup } from "../domain/person.js";

const ACTIVE = ["submitted", "referred", "hired"] as const;

export type ApplyRefusal = "no_profile" | "not_found" | "project_closed" | "minor" | "already_applied" | "no_room";

export interface ApplyCheck {
  ok: boolean;
  refusal?: ApplyRefusal;
  position?: Prisma.PositionGetPayload<{ include: { project: { include: { district: true } }; profession: true } }>;
  relocation?: boolean;
}

/** Every check of an application, each with its own refusal, in the order a person meets them. */
export async function checkApplication(db: Db | Prisma.TransactionClient, userId: number, positionId: number, now: Date): Promise<ApplyCheck> {
  const profile = await db.seekerProfile.findUnique({ where: { userId } });
  if (!profile) return { ok: false, refusal: "no_profile" };
  const position = await db.position.findUnique({ where: { id: positionId }, include: { project: { include: { district: true } }, profession: true } });
  if (!position) return { ok: false, refusal: "not_found" };
  if (!["planned", "in_progress"].includes(position.project.status)) return { ok: false, refusal: "project_closed", position };
  if (isMinor(ageOn(profile.birthDate, now)) && !position.suitableForMinors) return { ok: false, refusal: "minor", position };
  const active = await db.application.count({ where: { userId, projectId: position.projectId, status: { in: [...ACTIVE] } } });
  if (active > 0) return { ok: false, refusal: "already_applied", position };
  const taken = await db.application.count({ where: { positionId, status: { in: [...PLACE_TAKING_STATUSES] } } });
  if (taken >= position.count) return { ok: false, refusal: "no_room", position };
  return { ok: true, position, relocation: position.project.districtId !== profile.districtId && profile.willingToRelocate };
}

/**
 * Creates the application in one transaction after checking again. Two taps or two devices at
 * once still make one: the partial unique index on active applications decides.
 */
export async function submitApplication(db: Db, userId: number, positionId: number, now: Date) {
  try {
    return await db.$transaction(async (tx) => {
      const check = await checkApplication(tx, userId, positionId, now);
      if (!check.ok) return { ...check, application: undefined };
      const profile = (await tx.seekerProfile.findUnique({ where: { userId } }))!;
      const facts = { age: ageOn(profile.birthDate, now), status: profile.status, studying: profile.studying, working: profile.working };
      const created = await tx.application.create({
        data: {
          number: `pending-${userId}-${positionId}-${now.getTime()}`, userId, projectId: check.position!.projectId, positionId,
          priorityGroup: priorityGroup(facts), homeDistrictId: profile.districtId, isYouth: isYouth(facts.age), isNeet: isNeet(facts),
          isStudent: isStudent(facts), isMinor: isMinor(facts.age), relocated: check.relocation ?? false, submittedAt: now,
          events: { create: { status: "submitted", actorUserId: userId, at: now } },
        },
      });
      const application = await tx.application.update({
        where: { id: created.id }, data: { number: `Z-${now.getUTCFullYear()}-${String(created.id).padStart(6, "0")}` },
      });
      return { ...check, application };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, refusal: "already_applied" as const, application: undefined };
    throw error;
  }
}

export function myApplications(db: Db, userId: number) {
  return db.application.findMany({
    where: { userId }, orderBy: { submittedAt: "desc" }, take: 20,
    include: { project: true, position: { include: { profession: true } } },
  });
}

/** Withdraws the person's own application while it is not yet referred; false otherwise. */
export async function withdrawApplication(db: Db, userId: number, applicationId: number, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: applicationId, userId, status: "submitted" }, data: { status: "withdrawn" } });
    if (updated.count === 0) return false;
    await tx.applicationEvent.create({ data: { applicationId, status: "withdrawn", actorUserId: userId, at: now } });
    return true;
  });
}
