// "Tell me about new projects in my district for my professions."
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
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
 * district whose professions it needs (or who takes any work). Call inside the change's transaction.
 */
export async function announceOpening(tx: Prisma.TransactionClient, outbox: Outbox, projectId: number): Promise<number> {
  const project = await tx.project.update({ where: { id: projectId }, data: { openings: { increment: 1 } }, include: { positions: { select: { professionId: true } } } });
  const professionIds = project.positions.map((p) => p.professionId);
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
