// A project's figures of a month (work done, jobs created), entered by the staff of its
// district's centre: what the monthly report's jobs and percent of plan are made of.
import type { SqlRunner, Store } from "../../db/store.js";
import type { ReportMonth } from "../../domain/report.js";
import { sql } from "kysely";
import { q } from "../../db/typed.js";
import { audit } from "../audit.js";
import { underWay } from "./sql.js";
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
export async function recordMonthlyFigure(
  store: Store,
  userId: number,
  projectId: number,
  month: ReportMonth,
  input: FigureInput,
  now: Date,
): Promise<FigureResult> {
  const districts = await staffDistrictIds(store, userId);
  const project = await store.db.project.findFirst({
    where: { id: projectId, districtId: { in: districts } },
    select: { id: true },
  });
  if (!project) throw new NotAllowedError();
  if (month.end > now) return { ok: false, reason: "future_month" };
  await store.transaction(async (tx) => {
    const monthDate = sql<Date>`${month.start}::date`;
    const [before] = await tx.all(
      q
        .selectFrom("MonthlyFigure")
        .select(["workDone", "jobsCreated"])
        .where("projectId", "=", projectId)
        .where("month", "=", monthDate)
        .forUpdate(),
    );
    await tx.run(
      q
        .insertInto("MonthlyFigure")
        .values({
          projectId,
          month: monthDate,
          workDone: BigInt(input.workDone),
          jobsCreated: input.jobsCreated,
          reportedAt: now,
        })
        .onConflict((c) =>
          c.columns(["projectId", "month"]).doUpdateSet((eb) => ({
            workDone: eb.ref("excluded.workDone"),
            jobsCreated: eb.ref("excluded.jobsCreated"),
            reportedAt: eb.ref("excluded.reportedAt"),
          })),
        ),
    );
    await audit(tx, {
      actorUserId: userId,
      action: "record_monthly_figure",
      entity: "Project",
      entityId: projectId,
      at: now,
      before: before
        ? { month: month.key, workDone: Number(before.workDone), jobsCreated: before.jobsCreated }
        : undefined,
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
export async function missingFigures(
  runner: SqlRunner,
  month: ReportMonth,
  centreId?: number,
): Promise<MissingFigures[]> {
  const rows = await runner.all(
    q
      .selectFrom("Project as p")
      .innerJoin("CentreDistrict as cd", "cd.districtId", "p.districtId")
      .select(["cd.centreId", "p.id", "p.nameKk", "p.nameRu"])
      .$if(centreId !== undefined, (query) => query.where("cd.centreId", "=", centreId!))
      .where(underWay(month))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("MonthlyFigure as f")
              .select("f.projectId")
              .whereRef("f.projectId", "=", "p.id")
              .where("f.month", "=", sql<Date>`${month.start}::date`),
          ),
        ),
      )
      .orderBy("cd.centreId")
      .orderBy("p.id"),
  );
  const byCentre = new Map<number, MissingFigures>();
  for (const row of rows) {
    const entry = byCentre.get(row.centreId) ?? { centreId: row.centreId, projects: [] };
    entry.projects.push({ id: row.id, nameKk: row.nameKk, nameRu: row.nameRu });
    byCentre.set(row.centreId, entry);
  }
  return [...byCentre.values()];
}
