// A project's figures of a month (work done, jobs created), entered by the staff of its
// district's centre: what the monthly report's jobs and percent of plan are made of.
import type { SqlRunner, Store } from "../../db/store.js";
import type { ReportMonth } from "../../domain/report.js";
import { Prisma } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import { underWayIn } from "./sql.js";
import { NotAllowedError, staffDistrictIds } from "../staff.js";

export interface FigureInput {
  /** tenge */
  workDone: number;
  jobsCreated: number;
}

export type FigureResult = { ok: true } | { ok: false; reason: "future_month" };

export async function projectFigure(store: Store, projectId: number, month: ReportMonth) {
  return store.db.monthlyFigure.findUnique({ where: { projectId_month: { projectId, month: month.start } } });
}

/** Records (or replaces) the figures; only staff of the project's district, and only for a month that has ended. */
export async function recordMonthlyFigure(store: Store, userId: number, projectId: number, month: ReportMonth, input: FigureInput, now: Date): Promise<FigureResult> {
  const districts = await staffDistrictIds(store, userId);
  const project = await store.db.project.findFirst({ where: { id: projectId, districtId: { in: districts } }, select: { id: true } });
  if (!project) throw new NotAllowedError();
  if (month.end > now) return { ok: false, reason: "future_month" };
  await store.transaction(async (tx) => {
    const [before] = await tx.rows<{ workDone: bigint; jobsCreated: number }>(Prisma.sql`
      select "workDone", "jobsCreated" from "MonthlyFigure" where "projectId" = ${projectId} and month = ${month.start}::date for update`);
    await tx.execute(Prisma.sql`
      insert into "MonthlyFigure" ("projectId", month, "workDone", "jobsCreated", "reportedAt")
      values (${projectId}, ${month.start}::date, ${BigInt(input.workDone)}, ${input.jobsCreated}, ${now})
      on conflict ("projectId", month) do update set "workDone" = excluded."workDone", "jobsCreated" = excluded."jobsCreated", "reportedAt" = excluded."reportedAt"`);
    await audit(tx, {
      actorUserId: userId, action: "record_monthly_figure", entity: "Project", entityId: projectId, at: now,
      before: before ? { month: month.key, workDone: Number(before.workDone), jobsCreated: before.jobsCreated } : undefined,
      after: { month: month.key, workDone: input.workDone, jobsCreated: input.jobsCreated },
    });
  });
  return { ok: true };
}

export interface MissingFigures {
  centreId: number;
  projects: Array<{ id: number; nameKk: string; nameRu: string }>;
}

/** Projects under way in the month without figures for it, by centre (one centre when given). */
export async function missingFigures(sql: SqlRunner, month: ReportMonth, centreId?: number): Promise<MissingFigures[]> {
  const rows = await sql.rows<{ centreId: number; id: number; nameKk: string; nameRu: string }>(Prisma.sql`
    select cd."centreId", p.id, p."nameKk", p."nameRu"
    from "Project" p join "CentreDistrict" cd on cd."districtId" = p."districtId"
    where ${centreId === undefined ? Prisma.sql`true` : Prisma.sql`cd."centreId" = ${centreId}`}
      and ${underWayIn(month)}
      and not exists (select 1 from "MonthlyFigure" f where f."projectId" = p.id and f.month = ${month.start}::date)
    order by cd."centreId", p.id`);
  const byCentre = new Map<number, MissingFigures>();
  for (const row of rows) {
    const entry = byCentre.get(row.centreId) ?? { centreId: row.centreId, projects: [] };
    entry.projects.push({ id: row.id, nameKk: row.nameKk, nameRu: row.nameRu });
    byCentre.set(row.centreId, entry);
  }
  return [...byCentre.values()];
}
