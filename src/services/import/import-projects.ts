// Importing a monitoring-map file: every row checked (check-rows.ts), the valid ones created or
// updated by their external id in one transaction, the rejected ones listed with their reasons.
import type { Store, Transaction } from "../../db/store.js";
import { isOpenStatus } from "../../domain/project-status.js";
import { sql } from "kysely";
import { q } from "../../db/typed.js";
import { audit } from "../audit.js";
import type { Outbox } from "../notifications.js";
import { announceOpenings } from "../subscriptions.js";
import { checkRows, type CheckedRow, type Importer } from "./check-rows.js";
import type { RowProblem } from "./project-rows.js";
import { readTable } from "./read-table.js";
import { saveProjects } from "./save-projects.js";

export interface ImportResult {
  created: number;
  updated: number;
  rejected: RowProblem[];
  /** Applied rows with something not applied (a contractor's other name). */
  warnings: RowProblem[];
  announced: number;
}

/**
 * Contractors by BIN (or by name when there is none). A contractor keeps the name given by whoever
 * created it: other centres' projects may use it. A different name is a warning on the row; an admin's
 * file renames it.
 */
async function contractorIds(tx: Transaction, rows: CheckedRow[], importer: Importer, warnings: RowProblem[]) {
  const known = new Map<string, { id: number; name: string }>();
  const contractorOf = async (bin: string, name: string) => {
    const key = bin || name;
    const cached = known.get(key);
    if (cached) return cached;
    const [existing] = await tx.all(
      bin
        ? q.selectFrom("Contractor").select(["id", "name"]).where("bin", "=", bin)
        : q
            .selectFrom("Contractor")
            .select(["id", "name"])
            .where("name", "=", name)
            .where("bin", "is", null)
            .orderBy("id")
            .limit(1),
    );
    const [found] = existing
      ? [existing]
      : await tx.all(
          q
            .insertInto("Contractor")
            .values({ name: bin ? name || bin : name, bin: bin || null })
            .returning(["id", "name"]),
        );
    known.set(key, found!);
    return found!;
  };
  for (const { row, line } of rows) {
    if (!row.contractor_bin && !row.contractor_name) continue;
    const contractor = await contractorOf(row.contractor_bin, row.contractor_name);
    if (!row.contractor_bin || !row.contractor_name || contractor.name === row.contractor_name) continue;
    if (importer.isAdmin) {
      await tx.run(q.updateTable("Contractor").set({ name: row.contractor_name }).where("id", "=", contractor.id));
      contractor.name = row.contractor_name;
    } else {
      warnings.push({ line, column: "contractor_name", reason: "contractor_name_kept", value: contractor.name });
    }
  }
  return new Map([...known].map(([key, c]) => [key, c.id]));
}

/** Reads, checks and writes a file; UnreadableFileError (from readTable) leaves everything as it was. */
export async function importProjects(
  store: Store,
  outbox: Outbox,
  importer: Importer,
  file: { buffer: Buffer; name: string },
  now: Date,
): Promise<ImportResult> {
  const raw = await readTable(file.buffer, file.name);
  const { valid, rejected, professions } = await checkRows(store, importer, raw);
  const result: ImportResult = { created: 0, updated: 0, rejected, warnings: [], announced: 0 };
  if (valid.length === 0) return result;

  await store.transaction(
    async (tx) => {
      // Checked again under the rows' locks: a project moved or changed since the check is not touched.
      const locked = await tx.all(
        q
          .selectFrom("Project")
          .select(["externalId", "districtId", "status"])
          .where(sql<boolean>`"externalId" = any(${valid.map((v) => v.row.external_id)}::text[])`)
          .forUpdate(),
      );
      const current = new Map(locked.map((p) => [p.externalId, p]));
      const stale = valid.filter((v) => {
        const found = current.get(v.row.external_id);
        return v.existing
          ? found?.districtId !== v.existing.districtId || found.status !== v.existing.status
          : found !== undefined;
      });
      if (stale.length) throw new Error(`import raced with another change of ${stale.length} projects`);
      const contractors = await contractorIds(tx, valid, importer, result.warnings);
      const idOf = await saveProjects(tx, valid, contractors, professions, now);

      const opened: number[] = [];
      for (const { row, existing } of valid) {
        if (existing) result.updated++;
        else result.created++;
        if (isOpenStatus(row.status) && (!existing || !isOpenStatus(existing.status)))
          opened.push(idOf.get(row.external_id)!);
      }
      result.announced = await announceOpenings(tx, outbox, opened, now);
      const moved = valid.filter((v) => v.existing && v.existing.status !== v.row.status);
      for (const { existing, row } of moved) {
        await audit(tx, {
          actorUserId: importer.userId,
          action: "change_project_status",
          entity: "Project",
          entityId: existing!.id,
          at: now,
          before: { status: existing!.status },
          after: { status: row.status, permanentJobs: row.permanent_jobs, by: "import" },
        });
      }
      await audit(tx, {
        actorUserId: importer.userId,
        action: "import_projects",
        entity: "Project",
        entityId: file.name.slice(0, 100),
        at: now,
        after: {
          created: result.created,
          updated: result.updated,
          rejected: rejected.length,
          warnings: result.warnings.length,
        },
      });
    },
    { statementTimeoutMs: 300_000 },
  );
  return result;
}
