// What the staff desk reads besides the queue: who opened it, an application's history and a
// project's positions. Each checks the staff member's reach as the chat does.
import type { Store } from "../../db/store.js";
import type { ApplicationStatus } from "../../generated/prisma/client.js";
import { q } from "../../db/typed.js";
import { projectInReach } from "../project-upkeep.js";
import { applicationInReach, staffDistricts } from "../staff.js";

export interface DeskAccount {
  userId: number;
  language: "kk" | "ru" | null;
  isStaff: boolean;
}

/** The account of the Telegram user who opened the desk; null for someone the bot never met. */
export async function deskAccount(store: Store, telegramId: number): Promise<DeskAccount | null> {
  const user = await store.db.user.findUnique({
    where: { telegramId: BigInt(telegramId) },
    select: { id: true, language: true, roles: true },
  });
  if (!user) return null;
  const language = user.language === "kk" || user.language === "ru" ? user.language : null;
  return { userId: user.id, language, isStaff: user.roles.includes("staff") };
}

export interface HistoryEntry {
  status: ApplicationStatus;
  at: Date;
  note: string | null;
  /** Who did it: a staff member's first name; null for the applicant or the system. */
  actor: string | null;
  /** Recorded by the contractor's representative. */
  byContractor: boolean;
}

/** An application's steps, oldest first; NotAllowedError outside the staff member's reach. */
export async function applicationHistory(store: Store, userId: number, applicationId: number): Promise<HistoryEntry[]> {
  const application = await applicationInReach(store, userId, applicationId);
  const events = await store.db.applicationEvent.findMany({
    where: { applicationId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const actorIds = [
    ...new Set(events.flatMap((e) => (e.actorUserId && e.actorUserId !== application.userId ? [e.actorUserId] : []))),
  ];
  const actors = new Map(
    (await store.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, firstName: true } })).map(
      (u) => [u.id, u.firstName],
    ),
  );
  return events.map((e) => ({
    status: e.status,
    at: e.at,
    note: e.note,
    actor: e.actorUserId ? (actors.get(e.actorUserId) ?? null) : null,
    byContractor: e.actorRole === "contractor",
  }));
}

/** A project's positions with their places taken and open; NotAllowedError outside the reach. */
export async function projectPositions(store: Store, userId: number, projectId: number) {
  const project = await projectInReach(store, userId, projectId);
  const positions = await store.db.position.findMany({
    where: { projectId },
    include: { profession: true },
    orderBy: { id: "asc" },
  });
  return {
    project,
    positions: positions.map((p) => ({
      id: p.id,
      profession: { nameKk: p.profession.nameKk, nameRu: p.profession.nameRu },
      count: p.count,
      taken: p.taken,
      open: Math.max(0, p.count - p.taken),
      monthlyWage: p.monthlyWage,
    })),
  };
}

/** The projects of the staff member's districts for the queue's filter: ids and names only, by name. */
export async function deskProjectChoices(
  store: Store,
  userId: number,
): Promise<Array<{ id: number; nameKk: string; nameRu: string }>> {
  return store.all(
    q
      .selectFrom("Project as p")
      .select(["p.id", "p.nameKk", "p.nameRu"])
      .where("p.districtId", "in", staffDistricts(userId))
      .orderBy("p.nameRu")
      .orderBy("p.id"),
  );
}
