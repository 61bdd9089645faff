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

export async function audit(db: Db | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: { ...entry, entityId: String(entry.entityId) } });
}

export const AUDIT_PAGE_SIZE = 10;

/** The newest entries first, with the actor's name. */
export function auditPage(db: Db, page: number) {
  return db.auditLog.findMany({
    orderBy: { id: "desc" }, skip: (Math.max(1, page) - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { telegramId: true, firstName: true, username: true } } },
  });
}
