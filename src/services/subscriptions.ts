// "Tell me about new projects in my district for my professions."
import type { Store, Transaction } from "../db/store.js";
import { sql } from "kysely";
import { q } from "../db/typed.js";
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
  const [row] = await store.all(
    q
      .with("profile", (db) => db.selectFrom("SeekerProfile").select("districtId").where("userId", "=", userId))
      .with("dropped", (db) =>
        db
          .deleteFrom("Subscription")
          .where("userId", "=", userId)
          .where(({ exists, selectFrom }) => exists(selectFrom("profile").select("districtId")))
          .where("districtId", "is distinct from", (eb) => eb.selectFrom("profile").select("districtId")),
      )
      .with("added", (db) =>
        db
          .insertInto("Subscription")
          .columns(["userId", "districtId", "createdAt"])
          .expression((eb) =>
            eb
              .selectFrom("profile")
              .select([eb.val(userId).as("userId"), "districtId", eb.val(new Date()).as("createdAt")]),
          )
          .onConflict((c) => c.columns(["userId", "districtId"]).doNothing()),
      )
      .selectNoFrom(({ exists, selectFrom }) =>
        exists(selectFrom("profile").select("districtId")).$castTo<boolean>().as("subscribed"),
      ),
  );
  return row!.subscribed;
}

/**
 * Projects have just become open (new, or re-opened): each subscriber of their districts whose
 * professions one of them needs (or who takes any work) gets one message listing them all. A project
 * announces itself at most once in REANNOUNCE_AFTER_DAYS, so that one whose status goes back and
 * forth does not do it again and again. Call inside the change's transaction; returns how many
 * people were told.
 */
export async function announceOpenings(
  tx: Transaction,
  outbox: Outbox,
  projectIds: number[],
  now: Date,
): Promise<number> {
  if (projectIds.length === 0) return 0;
  const since = new Date(now.getTime() - REANNOUNCE_AFTER_DAYS * 86_400_000);
  const opened = await tx.all(
    q
      .updateTable("Project")
      .set((eb) => ({ openings: eb("openings", "+", 1), announcedAt: now }))
      .where(sql<boolean>`id = any(${projectIds}::int[])`)
      .where((eb) => eb.or([eb("announcedAt", "is", null), eb("announcedAt", "<=", since)]))
      .returning(["id", "openings"]),
  );
  if (opened.length === 0) return 0;
  const openings = new Map(opened.map((p) => [p.id, p.openings]));
  const subscribers = await tx.all(
    q
      .selectFrom("Subscription as s")
      .innerJoin("Project as p", (join) =>
        join.onRef("p.districtId", "=", "s.districtId").on(sql<boolean>`p.id = any(${[...openings.keys()]}::int[])`),
      )
      .innerJoin("SeekerProfile as pr", "pr.userId", "s.userId")
      .select(["s.userId", sql<number[]>`array_agg(p.id order by p.id)`.as("projects")])
      .where((eb) =>
        eb.or([
          eb("pr.anyWork", "=", true),
          eb.exists(
            eb
              .selectFrom("Position as po")
              .innerJoin("SeekerProfession as sp", "sp.professionId", "po.professionId")
              .select("po.id")
              .whereRef("po.projectId", "=", "p.id")
              .whereRef("sp.profileId", "=", "pr.id"),
          ),
        ]),
      )
      .groupBy("s.userId"),
  );
  for (const { userId, projects } of subscribers) {
    const event = createHash("sha256")
      .update(projects.map((id) => `${id}:${openings.get(id)}`).join(","))
      .digest("base64url")
      .slice(0, 22);
    await notify(tx, outbox, {
      userId,
      kind: "project_match",
      payload: { projectIds: projects.join(",") },
      eventKey: `match:${userId}:${event}`,
    });
  }
  return subscribers.length;
}

/** One project has just become open: announceOpenings of it alone. */
export const announceOpening = (tx: Transaction, outbox: Outbox, projectId: number, now: Date) =>
  announceOpenings(tx, outbox, [projectId], now);
