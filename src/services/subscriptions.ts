// "Tell me about new projects in my district for my professions."
import type { Store, Transaction } from "../db/store.js";
import { Prisma } from "../generated/prisma/client.js";
import { createHash } from "node:crypto";
import { REANNOUNCE_AFTER_DAYS } from "../domain/import-limits.js";
import { notify, type Outbox } from "./notifications.js";

export async function isSubscribed(store: Store, userId: number): Promise<boolean> {
  return (await store.db.subscription.count({ where: { userId } })) > 0;
}

/** On: subscribes to the profile's district; false without a profile. Off: removes it. */
export async function setSubscription(store: Store, userId: number, on: boolean): Promise<boolean> {
  if (!on) {
    await store.db.subscription.deleteMany({ where: { userId } });
    return true;
  }
  // One statement: the person's subscriptions become the one of the profile's district (none without a profile).
  const [row] = await store.rows<{ subscribed: boolean }>(Prisma.sql`
    with profile as (select "districtId" from "SeekerProfile" where "userId" = ${userId}),
    dropped as (delete from "Subscription" where "userId" = ${userId} and exists (select 1 from profile)
      and "districtId" is distinct from (select "districtId" from profile)),
    added as (insert into "Subscription" ("userId", "districtId", "createdAt") select ${userId}, "districtId", ${new Date()} from profile
      on conflict ("userId", "districtId") do nothing)
    select exists (select 1 from profile) as subscribed`);
  return row!.subscribed;
}

/**
 * Projects have just become open (new, or re-opened): each subscriber of their districts whose
 * professions one of them needs (or who takes any work) gets one message listing them all. A project
 * announces itself at most once in REANNOUNCE_AFTER_DAYS, so that one whose status goes back and
 * forth does not do it again and again. Call inside the change's transaction; returns how many
 * people were told.
 */
export async function announceOpenings(tx: Transaction, outbox: Outbox, projectIds: number[], now: Date): Promise<number> {
  if (projectIds.length === 0) return 0;
  const since = new Date(now.getTime() - REANNOUNCE_AFTER_DAYS * 86_400_000);
  const opened = await tx.rows<{ id: number; openings: number }>(Prisma.sql`
    update "Project" set openings = openings + 1, "announcedAt" = ${now}
    where id = any(${projectIds}::int[]) and ("announcedAt" is null or "announcedAt" <= ${since})
    returning id, openings`);
  if (opened.length === 0) return 0;
  const openings = new Map(opened.map((p) => [p.id, p.openings]));
  const subscribers = await tx.rows<{ userId: number; projects: number[] }>(Prisma.sql`
    select s."userId", array_agg(p.id order by p.id) as projects
    from "Subscription" s join "Project" p on p."districtId" = s."districtId" and p.id = any(${[...openings.keys()]}::int[])
      join "SeekerProfile" pr on pr."userId" = s."userId"
    where pr."anyWork" or exists (select 1 from "Position" po join "SeekerProfession" sp on sp."professionId" = po."professionId"
      where po."projectId" = p.id and sp."profileId" = pr.id)
    group by s."userId"`);
  for (const { userId, projects } of subscribers) {
    const event = createHash("sha256").update(projects.map((id) => `${id}:${openings.get(id)}`).join(",")).digest("base64url").slice(0, 22);
    await notify(tx, outbox, { userId, kind: "project_match", payload: { projectIds: projects.join(",") }, eventKey: `match:${userId}:${event}` });
  }
  return subscribers.length;
}

/** One project has just become open: announceOpenings of it alone. */
export const announceOpening = (tx: Transaction, outbox: Outbox, projectId: number, now: Date) => announceOpenings(tx, outbox, [projectId], now);
