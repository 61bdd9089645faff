// Writing the checked rows of an import: the projects in one statement, then their positions.
import type { Transaction } from "../../db/store.js";
import { sql } from "kysely";
import { q } from "../../db/typed.js";
import type { CheckedRow } from "./check-rows.js";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A column of values for an array that unnest turns into rows. */
const array = <T>(values: readonly T[], type: string) => sql<T>`unnest(${values}::${sql.raw(type)}[])`;

/** What an import writes anew on a project it finds by its external id. */
const KEPT = [
  "nameKk",
  "nameRu",
  "districtId",
  "objectGroup",
  "workKind",
  "status",
  "contractorId",
  "estimatedCost",
  "startDate",
  "endDate",
  "plannedJobs",
  "permanentJobs",
  "averageWage",
  "quotaPercent",
  "lat",
  "lon",
] as const;

/**
 * Creates or updates the rows' projects by external id and replaces their positions; returns the
 * project id of each external id. A project commissioned by the file records the day (its permanent
 * jobs come with the row), as the project screen does.
 */
export async function saveProjects(
  tx: Transaction,
  valid: CheckedRow[],
  contractors: Map<string, number>,
  professions: Map<string, number>,
  now: Date,
) {
  const idOf = new Map<string, number>();
  for (let at = 0; at < valid.length; at += ROWS_PER_STATEMENT) {
    for (const [externalId, id] of await saveChunk(
      tx,
      valid.slice(at, at + ROWS_PER_STATEMENT),
      contractors,
      professions,
      now,
    ))
      idOf.set(externalId, id);
  }
  return idOf;
}

/**
 * Rows written by one statement: the driver turns a statement's arrays into text on the event loop,
 * and 10,000 rows at once held it for about a third of a second.
 */
const ROWS_PER_STATEMENT = 1_000;

async function saveChunk(
  tx: Transaction,
  valid: CheckedRow[],
  contractors: Map<string, number>,
  professions: Map<string, number>,
  now: Date,
) {
  const r = valid.map((v) => v.row);
  const commissioned = valid.map((v) =>
    v.row.status === "commissioned" && v.existing?.status !== "commissioned" ? isoDay(now) : null,
  );
  // Arrays unnested side by side into rows (unnest in a select list zips them): one statement for the chunk.
  const rows = q
    .selectNoFrom([
      array(
        r.map((x) => x.external_id),
        "text",
      ).as("externalId"),
      array(
        r.map((x) => x.name_kk),
        "text",
      ).as("nameKk"),
      array(
        r.map((x) => x.name_ru),
        "text",
      ).as("nameRu"),
      array(
        valid.map((v) => v.districtId),
        "int",
      ).as("districtId"),
      array(
        r.map((x) => x.object_group),
        '"ObjectGroup"',
      ).as("objectGroup"),
      array(
        r.map((x) => x.work_kind),
        '"WorkKind"',
      ).as("workKind"),
      array(
        r.map((x) => x.status),
        '"ProjectStatus"',
      ).as("status"),
      array(
        r.map((x) => contractors.get(x.contractor_bin || x.contractor_name) ?? null),
        "int",
      ).as("contractorId"),
      array(
        r.map((x) => String(x.estimated_cost)),
        "bigint",
      ).as("estimatedCost"),
      array(
        r.map((x) => isoDay(x.start_date)),
        "date",
      ).as("startDate"),
      array(
        r.map((x) => isoDay(x.end_date)),
        "date",
      ).as("endDate"),
      array(
        r.map((x) => x.planned_jobs),
        "int",
      ).as("plannedJobs"),
      array(
        r.map((x) => x.permanent_jobs),
        "int",
      ).as("permanentJobs"),
      array(
        r.map((x) => x.average_wage),
        "int",
      ).as("averageWage"),
      array(
        r.map((x) => x.quota_percent),
        "int",
      ).as("quotaPercent"),
      array(
        r.map((x) => x.lat),
        "float8",
      ).as("lat"),
      array(
        r.map((x) => x.lon),
        "float8",
      ).as("lon"),
      array(commissioned, "date").as("commissionedAt"),
    ])
    .as("x");
  const saved = await tx.all(
    q
      .insertInto("Project")
      .columns(["externalId", ...KEPT, "commissionedAt", "updatedAt"])
      .expression((eb) =>
        eb
          .selectFrom(rows)
          .select([
            "x.externalId",
            ...KEPT.map((c) => `x.${c}` as const),
            "x.commissionedAt",
            sql<Date>`now()`.as("updatedAt"),
          ]),
      )
      .onConflict((oc) =>
        oc.column("externalId").doUpdateSet((eb) => ({
          ...Object.fromEntries(KEPT.map((column) => [column, eb.ref(`excluded.${column}`)])),
          commissionedAt: sql<Date>`coalesce(excluded."commissionedAt", "Project"."commissionedAt")`,
          updatedAt: sql<Date>`now()`,
        })),
      )
      .returning(["id", "externalId"]),
  );
  const idOf = new Map(saved.map((s) => [s.externalId!, s.id]));
  const positions = valid.flatMap((v) =>
    v.row.positions.map((p) => ({
      projectId: idOf.get(v.row.external_id)!,
      professionId: professions.get(p.code)!,
      ...p,
    })),
  );
  // A position stays while applications point to it; the others are replaced by the file's.
  await tx.run(
    q
      .deleteFrom("Position as s")
      .where(sql<boolean>`s."projectId" = any(${[...idOf.values()]}::int[])`)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Application as a").select("a.id").whereRef("a.positionId", "=", "s.id"))),
      ),
  );
  if (positions.length === 0) return idOf;
  const positionRows = q
    .selectNoFrom([
      array(
        positions.map((p) => p.projectId),
        "int",
      ).as("projectId"),
      array(
        positions.map((p) => p.professionId),
        "int",
      ).as("professionId"),
      array(
        positions.map((p) => p.count),
        "int",
      ).as("count"),
      array(
        positions.map((p) => p.wage),
        "int",
      ).as("monthlyWage"),
      array(
        positions.map((p) => p.minors),
        "bool",
      ).as("suitableForMinors"),
    ])
    .as("x");
  await tx.run(
    q
      .insertInto("Position")
      .columns(["projectId", "professionId", "count", "monthlyWage", "suitableForMinors"])
      .expression((eb) =>
        eb
          .selectFrom(positionRows)
          .select(["x.projectId", "x.professionId", "x.count", "x.monthlyWage", "x.suitableForMinors"]),
      )
      .onConflict((oc) =>
        oc.columns(["projectId", "professionId"]).doUpdateSet((eb) => ({
          count: eb.ref("excluded.count"),
          monthlyWage: eb.ref("excluded.monthlyWage"),
          suitableForMinors: eb.ref("excluded.suitableForMinors"),
        })),
      ),
  );
  return idOf;
}
