// Importing a monitoring-map file: every row checked, the valid ones created or updated by their
// external id in one transaction, the rejected ones listed with their reasons.
import type { Db } from "../../db/client.js";
import { isOpenStatus } from "../../domain/project-status.js";
import { Prisma } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import type { Outbox } from "../notifications.js";
import { staffDistrictIds } from "../staff.js";
import { announceOpening } from "../subscriptions.js";
import { projectRow, readTable, type ProjectRow, type RowProblem } from "./project-rows.js";

export interface ImportResult {
  created: number;
  updated: number;
  rejected: RowProblem[];
  announced: number;
}

interface Checked {
  line: number;
  row: ProjectRow;
  districtId: number;
}

/** Checks every row against the schema, the reference data and the importer's districts. */
async function checkRows(db: Db, userId: number, isAdmin: boolean, raw: Array<Record<string, string>>) {
  const districts = new Map((await db.district.findMany({ select: { id: true, kato: true } })).map((d) => [d.kato, d.id]));
  const professions = new Map((await db.profession.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
  const reach = isAdmin ? null : new Set(await staffDistrictIds(db, userId));
  const seen = new Set<string>();
  const valid: Checked[] = [];
  const rejected: RowProblem[] = [];
  raw.forEach((cells, index) => {
    const line = index + 2;
    const parsed = projectRow.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) rejected.push({ line, column: String(issue.path[0] ?? ""), reason: issue.message });
      return;
    }
    const row = parsed.data;
    const districtId = districts.get(row.district_kato);
    const unknown = row.positions.find((p) => !professions.has(p.code));
    const problem: Omit<RowProblem, "line"> | null =
      districtId === undefined ? { column: "district_kato", reason: "unknown_district" }
      : reach && !reach.has(districtId) ? { column: "district_kato", reason: "outside_your_districts" }
      : unknown ? { column: "positions", reason: "unknown_profession" }
      : seen.has(row.external_id) ? { column: "external_id", reason: "duplicate_in_file" }
      : null;
    seen.add(row.external_id);
    if (problem) rejected.push({ line, ...problem });
    else valid.push({ line, row, districtId: districtId! });
  });
  return { valid, rejected, professions };
}

async function contractorIds(tx: Prisma.TransactionClient, rows: ProjectRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const row of rows) {
    const key = row.contractor_bin || row.contractor_name;
    if (!key || ids.has(key)) continue;
    const found = row.contractor_bin
      ? await tx.contractor.upsert({ where: { bin: row.contractor_bin }, create: { name: row.contractor_name || row.contractor_bin, bin: row.contractor_bin }, update: row.contractor_name ? { name: row.contractor_name } : {} })
      : (await tx.contractor.findFirst({ where: { name: row.contractor_name, bin: null } })) ?? (await tx.contractor.create({ data: { name: row.contractor_name } }));
    ids.set(key, found.id);
  }
  return ids;
}

/** Reads, checks and writes a file; UnreadableFileError (from readTable) leaves everything as it was. */
export async function importProjects(db: Db, outbox: Outbox, user: { userId: number; isAdmin: boolean }, file: { buffer: Buffer; name: string }): Promise<ImportResult> {
  const raw = await readTable(file.buffer, file.name);
  const { valid, rejected, professions } = await checkRows(db, user.userId, user.isAdmin, raw);
  const result: ImportResult = { created: 0, updated: 0, rejected, announced: 0 };
  if (valid.length === 0) return result;

  await db.$transaction(async (tx) => {
    const before = new Map((await tx.project.findMany({ where: { externalId: { in: valid.map((v) => v.row.external_id) } }, select: { id: true, externalId: true, status: true } }))
      .map((p) => [p.externalId!, p]));
    const contractors = await contractorIds(tx, valid.map((v) => v.row));
    const r = valid.map((v) => v.row);
    const saved = await tx.$queryRaw<Array<{ id: number; externalId: string }>>`
      insert into "Project" ("externalId", "nameKk", "nameRu", "districtId", "objectGroup", "workKind", status, "contractorId", "estimatedCost",
        "startDate", "endDate", "plannedJobs", "permanentJobs", "averageWage", "quotaPercent", lat, lon, "updatedAt")
      select x.*, now() from unnest(${r.map((x) => x.external_id)}::text[], ${r.map((x) => x.name_kk)}::text[], ${r.map((x) => x.name_ru)}::text[],
        ${valid.map((v) => v.districtId)}::int[], ${r.map((x) => x.object_group)}::"ObjectGroup"[], ${r.map((x) => x.work_kind)}::"WorkKind"[],
        ${r.map((x) => x.status)}::"ProjectStatus"[], ${r.map((x) => contractors.get(x.contractor_bin || x.contractor_name) ?? null)}::int[],
        ${r.map((x) => String(x.estimated_cost))}::bigint[], ${r.map((x) => x.start_date.toISOString().slice(0, 10))}::date[],
        ${r.map((x) => x.end_date.toISOString().slice(0, 10))}::date[], ${r.map((x) => x.planned_jobs)}::int[], ${r.map((x) => x.permanent_jobs)}::int[],
        ${r.map((x) => x.average_wage)}::int[], ${r.map((x) => x.quota_percent)}::int[], ${r.map((x) => x.lat)}::float8[], ${r.map((x) => x.lon)}::float8[]) as x
      on conflict ("externalId") do update set "nameKk" = excluded."nameKk", "nameRu" = excluded."nameRu", "districtId" = excluded."districtId",
        "objectGroup" = excluded."objectGroup", "workKind" = excluded."workKind", status = excluded.status, "contractorId" = excluded."contractorId",
        "estimatedCost" = excluded."estimatedCost", "startDate" = excluded."startDate", "endDate" = excluded."endDate",
        "plannedJobs" = excluded."plannedJobs", "permanentJobs" = excluded."permanentJobs", "averageWage" = excluded."averageWage",
        "quotaPercent" = excluded."quotaPercent", lat = excluded.lat, lon = excluded.lon, "updatedAt" = now()
      returning id, "externalId"`;
    const idOf = new Map(saved.map((s) => [s.externalId, s.id]));
    const positions = valid.flatMap((v) => v.row.positions.map((p) => ({ projectId: idOf.get(v.row.external_id)!, professionId: professions.get(p.code)!, ...p })));
    // A position stays while applications point to it; the others are replaced by the file's.
    await tx.$executeRaw`delete from "Position" s where s."projectId" = any(${[...idOf.values()]}::int[])
      and not exists (select 1 from "Application" a where a."positionId" = s.id)`;
    await tx.$executeRaw`
      insert into "Position" ("projectId", "professionId", count, "monthlyWage", "suitableForMinors")
      select * from unnest(${positions.map((p) => p.projectId)}::int[], ${positions.map((p) => p.professionId)}::int[],
        ${positions.map((p) => p.count)}::int[], ${positions.map((p) => p.wage)}::int[], ${positions.map((p) => p.minors)}::bool[])
      on conflict ("projectId", "professionId") do update set count = excluded.count, "monthlyWage" = excluded."monthlyWage", "suitableForMinors" = excluded."suitableForMinors"`;

    const watched = new Set((await tx.subscription.findMany({ select: { districtId: true }, distinct: ["districtId"] })).map((s) => s.districtId));
    for (const { row, districtId } of valid) {
      const previous = before.get(row.external_id);
      if (previous) result.updated++;
      else result.created++;
      const opened = isOpenStatus(row.status) && (!previous || !isOpenStatus(previous.status));
      if (opened && watched.has(districtId)) result.announced += await announceOpening(tx, outbox, idOf.get(row.external_id)!);
    }
    await audit(tx, { actorUserId: user.userId, action: "import_projects", entity: "Project", entityId: file.name.slice(0, 100), after: { created: result.created, updated: result.updated, rejected: rejected.length } });
  }, { timeout: 300_000, maxWait: 10_000 });
  return result;
}
