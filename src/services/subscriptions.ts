// "Tell me about new projects in my district for my professions."
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { REANNOUNCE_AFTER_DAYS } from "../domain/import-limits.js";
import { notify, type Outbox } from "./notifications.js";

export async function isSubscribed(db: Db, userId: number): Promise<boolean> {
  return (await db.subscription.count({ where: { userId } })) > 0;
}

/** On: subscribes to the profile's district; false without a profile. Off: removes it. */
export async function setSubscription(db: Db, userId: number, on: boolean): Promise<boolean> {
  if (!on) {
    await db.subscription.deleteMany({ where: { userId } });
    return true;
  }
  const profile = await db.seekerProfile.findUnique({ where: { userId } });
  if (!profile) return false;
  await db.$transaction([
    db.subscription.deleteMany({ where: { userId } }),
    db.subscription.create({ data: { userId, districtId: profile.districtId } }),
  ]);
  return true;
}

/**
 * A project has just become open (new, or re-opened): one message to each subscriber of its
 * district whose professions it needs (or who takes any work), at most once per project in
 * REANNOUNCE_AFTER_DAYS, so that a project whose status goes back and forth does not announce itself
 * again and again. Call inside the change's transaction; returns how many were told.
 */
export async function announceOpening(tx: Prisma.TransactionClient, outbox: Outbox, projectId: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - REANNOUNCE_AFTER_DAYS * 86_400_000);
  const [project] = await tx.$queryRaw<Array<{ districtId: number; openings: number }>>`
    update "Project" set openings = openings + 1, "announcedAt" = ${now}
    where id = ${projectId} and ("announcedAt" is null or "announcedAt" <= ${since})
    returning "districtId", openings`;
  if (!project) return 0;
  const professionIds = (await tx.position.findMany({ where: { projectId }, select: { professionId: true } })).map((p) => p.professionId);
  const subscribers = await tx.subscription.findMany({
    where: {
      districtId: project.districtId,
      user: { profile: { OR: [{ anyWork: true }, { professions: { some: { professionId: { in: professionIds } } } }] } },
    },
    select: { userId: true },
  });
  for (const { userId } of subscribers) {
    await notify(tx, outbox, { userId, kind: "project_match", payload: { projectId }, eventKey: `match:${projectId}:${project.openings}:${userId}` });
  }
  return subscribers.length;
}
