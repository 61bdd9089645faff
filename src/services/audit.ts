// The audit log: who did what to which record, with the record before and after.
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";

export interface AuditEntry {
  actorUserId: number;
  action: string;
  entity: string;
  entityId: number | string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  at?: Date;
}

const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));

export async function audit(db: Db | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.$executeRaw`
    insert into "AuditLog" ("actorUserId", action, entity, "entityId", before, after, at)
    values (${entry.actorUserId}, ${entry.action}, ${entry.entity}, ${String(entry.entityId)}, ${json(entry.before)}::jsonb,
            ${json(entry.after)}::jsonb, ${entry.at ?? new Date()})`;
}

export const AUDIT_PAGE_SIZE = 10;

/** The newest entries first, with the actor's name. */
export function auditPage(db: Db, page: number) {
  return db.auditLog.findMany({
    orderBy: { id: "desc" }, skip: (Math.max(1, page) - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { telegramId: true, firstName: true, username: true } } },
  });
}
