// Writes the replayed history (history.ts): the applications in the order they were made, their
// events, the referral numbers of each region and year with its counter, the places taken.
import { sql } from "kysely";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ApplicationStatus } from "../../generated/prisma/enums.js";
import { executeIn, q } from "../typed.js";
import type { HistoryApplication } from "./history.js";

const CHUNK = 20_000;
/** A timestamp as the columns hold it: UTC, without a zone (as Prisma writes them). */
const stamp = (date: Date | null) => (date ? date.toISOString().replace("T", " ").replace("Z", "") : null);
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const pad = (n: number) => String(n).padStart(6, "0");

export async function insertHistory(
  tx: Prisma.TransactionClient,
  applications: HistoryApplication[],
  regionIds: Map<string, number>,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const ordered = [...applications].sort(
    (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.projectId - b.projectId,
  );
  // Referral numbers in the order referrals were made, per region and year, as the staff action numbers them.
  const counters = new Map<string, number>();
  const referralNumbers = new Map<HistoryApplication, string>();
  for (const application of [...ordered]
    .filter((a) => a.referredAt)
    .sort((a, b) => a.referredAt!.getTime() - b.referredAt!.getTime())) {
    const key = `${application.regionCode}-${application.referredAt!.getUTCFullYear()}`;
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    referralNumbers.set(application, `${key}-${pad(next)}`);
  }

  // The Position_taken trigger counts row by row: off for the bulk load, the counts recomputed after it.
  await tx.$executeRawUnsafe(`alter table "Application" disable trigger "Application_taken"`);
  for (let start = 0; start < ordered.length; start += CHUNK) {
    if (start > 0) progress(start, ordered.length);
    const chunk = ordered.slice(start, start + CHUNK);
    const column = <T>(values: T[], type: string) => sql<T>`unnest(${values}::${sql.raw(type)}[])`;
    const rows = q
      .selectNoFrom([
        column(
          chunk.map((_, i) => start + i + 1),
          "int",
        ).as("id"),
        column(
          chunk.map((a) => a.projectId),
          "int",
        ).as("projectId"),
        column(
          chunk.map((a) => a.positionId),
          "int",
        ).as("positionId"),
        column(
          chunk.map((a) => a.status),
          '"ApplicationStatus"',
        ).as("status"),
        column(
          chunk.map((a) => a.priorityGroup),
          "int",
        ).as("priorityGroup"),
        column(
          chunk.map((a) => a.districtId),
          "int",
        ).as("homeDistrictId"),
        column(
          chunk.map((a) => a.isYouth),
          "bool",
        ).as("isYouth"),
        column(
          chunk.map((a) => a.isNeet),
          "bool",
        ).as("isNeet"),
        column(
          chunk.map((a) => a.isStudent),
          "bool",
        ).as("isStudent"),
        column(
          chunk.map((a) => stamp(a.submittedAt)),
          "timestamp",
        ).as("submittedAt"),
        column(
          chunk.map((a) => stamp(a.closedAt)),
          "timestamp",
        ).as("updatedAt"),
        column(
          chunk.map((a) => referralNumbers.get(a) ?? null),
          "text",
        ).as("referralNumber"),
        column(
          chunk.map((a) => stamp(a.referredAt)),
          "timestamp",
        ).as("referredAt"),
        column(
          chunk.map((a) => a.rejectReason),
          '"RejectReason"',
        ).as("rejectReason"),
        column(
          chunk.map((a) => day(a.contractDate)),
          "date",
        ).as("contractDate"),
        column(
          chunk.map((a) => a.wage),
          "int",
        ).as("wage"),
        column(
          chunk.map((a) => stamp(a.hiredAt)),
          "timestamp",
        ).as("hiredAt"),
      ])
      .as("h");
    const kept = [
      "projectId",
      "positionId",
      "status",
      "priorityGroup",
      "homeDistrictId",
      "isYouth",
      "isNeet",
      "isStudent",
      "submittedAt",
      "updatedAt",
      "referralNumber",
      "referredAt",
      "rejectReason",
      "contractDate",
      "wage",
      "hiredAt",
    ] as const;
    await executeIn(
      tx,
      q
        .insertInto("Application")
        .columns(["id", "number", ...kept])
        .expression((eb) =>
          eb
            .selectFrom(rows)
            .select([
              "h.id",
              sql<string>`'Z-' || extract(year from h."submittedAt")::int || '-' || lpad(h.id::text, 6, '0')`.as(
                "number",
              ),
              ...kept.map((c) => `h.${c}` as const),
            ]),
        ),
    );
  }
  await tx.$executeRawUnsafe(`alter table "Application" enable trigger "Application_taken"`);
  await executeIn(
    tx,
    q
      .updateTable("Position as s")
      .from((db) =>
        db
          .selectFrom("Application")
          .select(["positionId", sql<number>`count(*)::int`.as("taken")])
          .where("status", "in", ["referred", "hired"])
          .groupBy("positionId")
          .as("t"),
      )
      .set((eb) => ({ taken: eb.ref("t.taken") }))
      .whereRef("t.positionId", "=", "s.id"),
  );
  await tx.$executeRawUnsafe(
    `select setval(pg_get_serial_sequence('"Application"', 'id'), greatest((select max(id) from "Application"), 1))`,
  );
  const statusOf = (status: string) => sql<ApplicationStatus>`${sql.lit(status)}::"ApplicationStatus"`;
  await executeIn(
    tx,
    q
      .insertInto("ApplicationEvent")
      .columns(["applicationId", "status", "at", "note"])
      .expression((eb) =>
        eb
          .selectFrom("Application")
          .select(["id", statusOf("submitted").as("status"), "submittedAt as at", sql<string | null>`null`.as("note")])
          .unionAll(
            eb
              .selectFrom("Application")
              .select([
                "id",
                statusOf("referred").as("status"),
                sql<Date>`"referredAt"`.as("at"),
                sql<string | null>`null`.as("note"),
              ])
              .where("referredAt", "is not", null),
          )
          .unionAll(
            eb
              .selectFrom("Application")
              .select(["id", "status", "updatedAt as at", sql<string | null>`"rejectReason"::text`.as("note")])
              .where("status", "not in", ["submitted", "referred"]),
          ),
      ),
  );
  for (const [key, last] of counters) {
    const [code, year] = key.split("-");
    await executeIn(
      tx,
      q.insertInto("ReferralCounter").values({ regionId: regionIds.get(code!)!, year: Number(year), last }),
    );
  }
  return ordered.length;
}
