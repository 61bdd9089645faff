// Staff upkeep of their centres' projects: quota progress and the status of works.
import { sql } from "kysely";
import { q } from "../db/typed.js";
import type { Store } from "../db/store.js";
import { nextStatus, type ProjectStatusName } from "../domain/project-status.js";
import { referralQuota } from "../domain/quota.js";
import { percentOf } from "../domain/report.js";
import { PLACE_TAKING_STATUSES } from "../domain/referral.js";
import { audit } from "./audit.js";
import { NotAllowedError, staffDistrictIds } from "./staff.js";

export interface QuotaProgress {
  id: number;
  nameKk: string;
  nameRu: string;
  status: ProjectStatusName;
  jobs: number;
  quota: number;
  referred: number;
  hired: number;
  /** Referred people hired, as a percent of the quota (0 when the quota is 0). */
  percentMet: number;
}

/** The centre's projects with their referral quota: issued referrals (referred or hired) and hires. */
export async function quotaProgress(store: Store, userId: number): Promise<QuotaProgress[]> {
  const districts = await staffDistrictIds(store, userId);
  const projects = await store.db.project.findMany({
    where: { districtId: { in: districts } },
    orderBy: { id: "asc" },
  });
  const counts = await store.db.application.groupBy({
    by: ["projectId", "status"],
    where: { projectId: { in: projects.map((p) => p.id) }, status: { in: [...PLACE_TAKING_STATUSES] } },
    _count: true,
  });
  const count = (projectId: number, status: string) =>
    counts.find((c) => c.projectId === projectId && c.status === status)?._count ?? 0;
  return projects.map((p) => {
    const quota = referralQuota(p.plannedJobs, p.quotaPercent);
    const hired = count(p.id, "hired");
    return {
      id: p.id,
      nameKk: p.nameKk,
      nameRu: p.nameRu,
      status: p.status,
      jobs: p.plannedJobs,
      quota,
      referred: count(p.id, "referred") + hired,
      hired,
      percentMet: percentOf(hired, quota) ?? 0,
    };
  });
}

/** A project of the staff member's districts; NotAllowedError for any other. */
export async function projectInReach(store: Store, userId: number, projectId: number) {
  const project = await store.db.project.findFirst({
    where: { id: projectId, districtId: { in: await staffDistrictIds(store, userId) } },
  });
  if (!project) throw new NotAllowedError();
  return project;
}

export type StatusChange = { ok: true } | { ok: false; reason: "not_next" | "permanent_jobs_required" };

/** Moves a project one step forward; commissioning records its permanent jobs. */
export async function changeProjectStatus(
  store: Store,
  userId: number,
  projectId: number,
  to: ProjectStatusName,
  now: Date,
  permanentJobs?: number,
): Promise<StatusChange> {
  const districts = await staffDistrictIds(store, userId);
  return store.transaction(async (tx) => {
    const [project] = await tx.all(
      q
        .selectFrom("Project")
        .select(["status", "permanentJobs"])
        .where("id", "=", projectId)
        .where(sql<boolean>`"districtId" = any(${districts}::int[])`)
        .forUpdate(),
    );
    if (!project) throw new NotAllowedError();
    if (nextStatus(project.status) !== to) return { ok: false, reason: "not_next" } as const;
    const commissioning = to === "commissioned";
    if (commissioning && (permanentJobs === undefined || !Number.isInteger(permanentJobs) || permanentJobs < 0)) {
      return { ok: false, reason: "permanent_jobs_required" } as const;
    }
    await tx.run(
      q
        .updateTable("Project")
        .set({
          status: to,
          updatedAt: now,
          ...(commissioning ? { permanentJobs: permanentJobs!, commissionedAt: now } : {}),
        })
        .where("id", "=", projectId),
    );
    await audit(tx, {
      actorUserId: userId,
      action: "change_project_status",
      entity: "Project",
      entityId: projectId,
      at: now,
      before: { status: project.status, permanentJobs: project.permanentJobs },
      after: { status: to, permanentJobs: commissioning ? permanentJobs! : project.permanentJobs },
    });
    return { ok: true } as const;
  });
}
