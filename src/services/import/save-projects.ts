// Writing the checked rows of an import: the projects in one statement, then their positions.
import type { Transaction } from "../../db/store.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { CheckedRow } from "./check-rows.js";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Creates or updates the rows' projects by external id and replaces their positions; returns the
 * project id of each external id. A project commissioned by the file records the day (its permanent
 * jobs come with the row), as the project screen does.
 */
export async function saveProjects(tx: Transaction, valid: CheckedRow[], contractors: Map<string, number>, professions: Map<string, number>, now: Date) {
  const idOf = new Map<string, number>();
  for (let at = 0; at < valid.length; at += ROWS_PER_STATEMENT) {
    for (const [externalId, id] of await saveChunk(tx, valid.slice(at, at + ROWS_PER_STATEMENT), contractors, professions, now)) idOf.set(externalId, id);
  }
  return idOf;
}

/**
 * Rows written by one statement: the driver turns a statement's arrays into text on the event loop,
 * and 10,000 rows at once held it for about a third of a second.
 */
const ROWS_PER_STATEMENT = 1_000;

async function saveChunk(tx: Transaction, valid: CheckedRow[], contractors: Map<string, number>, professions: Map<string, number>, now: Date) {
  const r = valid.map((v) => v.row);
  const commissioned = valid.map((v) => (v.row.status === "commissioned" && v.existing?.status !== "commissioned" ? isoDay(now) : null));
  const saved = await tx.rows<{ id: number; externalId: string }>(Prisma.sql`
    insert into "Project" ("externalId", "nameKk", "nameRu", "districtId", "objectGroup", "workKind", status, "contractorId", "estimatedCost",
      "startDate", "endDate", "plannedJobs", "permanentJobs", "averageWage", "quotaPercent", lat, lon, "commissionedAt", "updatedAt")
    select x.*, now() from unnest(${r.map((x) => x.external_id)}::text[], ${r.map((x) => x.name_kk)}::text[], ${r.map((x) => x.name_ru)}::text[],
      ${valid.map((v) => v.districtId)}::int[], ${r.map((x) => x.object_group)}::"ObjectGroup"[], ${r.map((x) => x.work_kind)}::"WorkKind"[],
      ${r.map((x) => x.status)}::"ProjectStatus"[], ${r.map((x) => contractors.get(x.contractor_bin || x.contractor_name) ?? null)}::int[],
      ${r.map((x) => String(x.estimated_cost))}::bigint[], ${r.map((x) => isoDay(x.start_date))}::date[],
      ${r.map((x) => isoDay(x.end_date))}::date[], ${r.map((x) => x.planned_jobs)}::int[], ${r.map((x) => x.permanent_jobs)}::int[],
      ${r.map((x) => x.average_wage)}::int[], ${r.map((x) => x.quota_percent)}::int[], ${r.map((x) => x.lat)}::float8[], ${r.map((x) => x.lon)}::float8[],
      ${commissioned}::date[]) as x
    on conflict ("externalId") do update set "nameKk" = excluded."nameKk", "nameRu" = excluded."nameRu", "districtId" = excluded."districtId",
      "objectGroup" = excluded."objectGroup", "workKind" = excluded."workKind", status = excluded.status, "contractorId" = excluded."contractorId",
      "estimatedCost" = excluded."estimatedCost", "startDate" = excluded."startDate", "endDate" = excluded."endDate",
      "plannedJobs" = excluded."plannedJobs", "permanentJobs" = excluded."permanentJobs", "averageWage" = excluded."averageWage",
      "quotaPercent" = excluded."quotaPercent", lat = excluded.lat, lon = excluded.lon,
      "commissionedAt" = coalesce(excluded."commissionedAt", "Project"."commissionedAt"), "updatedAt" = now()
    returning id, "externalId"`);
  const idOf = new Map(saved.map((s) => [s.externalId, s.id]));
  const positions = valid.flatMap((v) => v.row.positions.map((p) => ({ projectId: idOf.get(v.row.external_id)!, professionId: professions.get(p.code)!, ...p })));
  // A position stays while applications point to it; the others are replaced by the file's.
  await tx.execute(Prisma.sql`delete from "Position" s where s."projectId" = any(${[...idOf.values()]}::int[])
    and not exists (select 1 from "Application" a where a."positionId" = s.id)`);
  await tx.execute(Prisma.sql`
    insert into "Position" ("projectId", "professionId", count, "monthlyWage", "suitableForMinors")
    select * from unnest(${positions.map((p) => p.projectId)}::int[], ${positions.map((p) => p.professionId)}::int[],
      ${positions.map((p) => p.count)}::int[], ${positions.map((p) => p.wage)}::int[], ${positions.map((p) => p.minors)}::bool[])
    on conflict ("projectId", "professionId") do update set count = excluded.count, "monthlyWage" = excluded."monthlyWage", "suitableForMinors" = excluded."suitableForMinors"`);
  return idOf;
}
