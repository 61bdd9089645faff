// The audit log: who did what to which record, with the record before and after.
import type { SqlRunner, Store } from "../db/store.js";
import type { Prisma } from "../generated/prisma/client.js";
import { sql } from "kysely";
import { q } from "../db/typed.js";

export interface AuditEntry {
  actorUserId: number;
  action: string;
  entity: string;
  entityId: number | string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  at?: Date;
}

/** Every kind of action the log holds, for the admin's filter. */
export const AUDIT_ACTIONS = [
  "refer",
  "reject",
  "hire",
  "no_show",
  "show_iin",
  "change_project_status",
  "import_projects",
  "record_monthly_figure",
  "create_centre",
  "update_centre",
  "create_invitation",
  "accept_invitation",
  "remove_staff",
  "retry_notifications",
  "resolve_iin_claim",
  "refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));

export async function audit(runner: SqlRunner, entry: AuditEntry): Promise<void> {
  await runner.run(
    q.insertInto("AuditLog").values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
      at: entry.at ?? new Date(),
    }),
  );
}

/** Refused attempts of one person and kind are written at most once in this many seconds, with a count. */
export const REFUSAL_AUDIT_WINDOW_SECONDS = 60;

/**
 * A refused attempt (a forged or stale button outside the person's reach). The first of a person's
 * refusals of a kind in REFUSAL_AUDIT_WINDOW_SECONDS is a new entry; the next ones add to its count
 * and keep the last data pressed, so that pressing forged buttons cannot flood the log.
 */
export async function auditRefusal(
  store: Store,
  refusal: { actorUserId: number; kind: string; data: string; telegramId: string; at: Date },
): Promise<void> {
  const since = new Date(refusal.at.getTime() - REFUSAL_AUDIT_WINDOW_SECONDS * 1000);
  await store.run(
    q
      .with("recent", (db) =>
        db
          .selectFrom("AuditLog")
          .select("id")
          .where("actorUserId", "=", refusal.actorUserId)
          .where("action", "=", "refused")
          .where("entity", "=", refusal.kind)
          .where("at", ">", since)
          .orderBy("at", "desc")
          .limit(1)
          .forUpdate(),
      )
      .with("counted", (db) =>
        db
          .updateTable("AuditLog as l")
          .from("recent")
          // jsonb arithmetic, which Kysely has no builders for: a typed fragment.
          .set({
            after: sql`coalesce(l.after, '{}'::jsonb) || jsonb_build_object('count', coalesce((l.after->>'count')::int, 1) + 1, 'last', ${refusal.data}::text)`,
          })
          .whereRef("l.id", "=", "recent.id")
          .returning("l.id"),
      )
      .insertInto("AuditLog")
      .columns(["actorUserId", "action", "entity", "entityId", "after", "at"])
      // insert … select without a from (Kysely's expression builder has no selectNoFrom): from one row.
      .expression((eb) =>
        eb
          .selectFrom(sql<{ one: number }>`(select 1 as one)`.as("one"))
          .select([
            eb.val(refusal.actorUserId).as("actorUserId"),
            eb.val("refused").as("action"),
            eb.val(refusal.kind).as("entity"),
            eb.val(refusal.data).as("entityId"),
            sql`jsonb_build_object('count', 1, 'telegramId', ${refusal.telegramId}::text)`.as("after"),
            eb.val(refusal.at).as("at"),
          ])
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom("counted").select("id")))),
      ),
  );
}

export const AUDIT_PAGE_SIZE = 10;

export interface AuditFilter {
  action?: AuditAction;
  /** Entries by this centre's staff, or about the centre itself. */
  centreId?: number;
  actorUserId?: number;
}

function whereOf(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const { action, centreId, actorUserId } = filter;
  const aboutCentre: Prisma.AuditLogWhereInput[] =
    centreId === undefined
      ? []
      : [
          { actor: { staff: { some: { centreId } } } },
          { entity: "EmploymentCentre", entityId: String(centreId) },
          { after: { path: ["centreId"], equals: centreId } },
          { before: { path: ["centreId"], equals: centreId } },
        ];
  return {
    ...(action ? { action } : {}),
    ...(actorUserId ? { actorUserId } : {}),
    ...(aboutCentre.length ? { OR: aboutCentre } : {}),
  };
}

/** A page of entries matching the filter, newest first, with the actor's name; `more` when a next page exists. */
export async function auditPage(store: Store, filter: AuditFilter, page: number) {
  const rows = await store.db.auditLog.findMany({
    where: whereOf(filter),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (Math.max(1, page) - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { telegramId: true, firstName: true, username: true } } },
  });
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), more: rows.length > AUDIT_PAGE_SIZE };
}
