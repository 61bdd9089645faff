// The staff desk's queue (the Mini App, src/web/desk): every application of the projects in the
// staff member's districts, filtered, sorted and paged, with the count of each status. The same
// reach as the chat's queue (services/staff.ts): the districts of the person's centres, read anew
// on every call.
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/reads.js";
import { Prisma, type ApplicationStatus } from "../../generated/prisma/client.js";
import { centreDistrictsOf } from "../staff.js";

export const DESK_PAGE_SIZE = 25;
/** Rows in one downloaded file: a centre's whole queue fits; more is refused, not cut silently. */
export const DESK_EXPORT_MAX_ROWS = 20_000;
export const APPLICATION_STATUSES = ["submitted", "referred", "hired", "rejected", "no_show", "withdrawn"] as const satisfies readonly ApplicationStatus[];
export const DESK_SORTS = ["submitted", "number", "name", "status", "priority", "project"] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

export interface DeskFilter {
  status?: ApplicationStatus;
  projectId?: number;
  /** Only the priority group (youth, NEET youth, students). */
  priorityOnly?: boolean;
  /** Applied on or after this day (UTC midnight)… */
  from?: Date;
  /** …and on or before this day. */
  to?: Date;
  /** A part of the person's name, or of the application's number. */
  text?: string;
  sort: DeskSort;
  descending: boolean;
}

export interface DeskRow {
  id: number;
  number: string;
  submittedAt: Date;
  /** null when the applicant erased their data. */
  fullName: string | null;
  priorityGroup: number;
  isYouth: boolean;
  isNeet: boolean;
  isStudent: boolean;
  project: { id: number; nameKk: string; nameRu: string };
  profession: { nameKk: string; nameRu: string };
  status: ApplicationStatus;
}

const ORDER: Record<DeskSort, Prisma.Sql> = {
  submitted: Prisma.sql`a."submittedAt"`,
  number: Prisma.sql`a.number`,
  name: Prisma.sql`pr."fullName"`,
  status: Prisma.sql`a.status`,
  priority: Prisma.sql`a."priorityGroup"`,
  project: Prisma.sql`p."nameRu"`,
};

const DAY_MS = 86_400_000;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions of the filter but its status (the status counts are read across statuses). */
function conditions(userId: number, filter: DeskFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."districtId" in (select "districtId" from (${centreDistrictsOf(userId)}) mine)`];
  if (filter.projectId) parts.push(Prisma.sql`a."projectId" = ${filter.projectId}`);
  if (filter.priorityOnly) parts.push(Prisma.sql`a."priorityGroup" = 0`);
  if (filter.from) parts.push(Prisma.sql`a."submittedAt" >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`a."submittedAt" < ${new Date(filter.to.getTime() + DAY_MS)}`);
  if (filter.text) parts.push(Prisma.sql`(a.number ilike ${likePattern(filter.text)} or pr."fullName" ilike ${likePattern(filter.text)})`);
  return Prisma.join(parts, " and ");
}

const FROM = Prisma.sql`from "Application" a join "Project" p on p.id = a."projectId" left join "SeekerProfile" pr on pr."userId" = a."userId"`;

type RowOut = Omit<DeskRow, "project"> & { projectId: number; projectKk: string; projectRu: string };

async function rows(db: Db, userId: number, filter: DeskFilter, limit: number, offset: number): Promise<DeskRow[]> {
  const where = filter.status ? Prisma.sql`${conditions(userId, filter)} and a.status = ${filter.status}::"ApplicationStatus"` : conditions(userId, filter);
  const direction = Prisma.raw(filter.descending ? "desc nulls last" : "asc nulls last");
  const found = await queryRows<RowOut>(db, Prisma.sql`
    select a.id, a.number, a."submittedAt", pr."fullName", a."priorityGroup", a."isYouth", a."isNeet", a."isStudent", a.status::text as status,
           a."projectId", p."nameKk" as "projectKk", p."nameRu" as "projectRu",
           (select json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu") from "Position" s join "Profession" f on f.id = s."professionId" where s.id = a."positionId") as profession
    ${FROM}
    where ${where}
    order by ${ORDER[filter.sort]} ${direction}, a.id ${direction}
    limit ${limit} offset ${offset}`, { prepare: false });
  return found.map(({ projectId, projectKk, projectRu, ...row }) => ({ ...row, project: { id: projectId, nameKk: projectKk, nameRu: projectRu } }));
}

/** The count of each status under the filter (its status aside). */
async function statusCounts(db: Db, userId: number, filter: DeskFilter): Promise<Record<ApplicationStatus, number>> {
  const found = await queryRows<{ status: ApplicationStatus; count: number }>(db, Prisma.sql`
    select a.status::text as status, count(*)::int as count ${FROM} where ${conditions(userId, filter)} group by a.status`, { prepare: false });
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const { status, count } of found) counts[status] = count;
  return counts;
}

/** One page of the queue (the last one when asked past it), the counts and the number of pages. */
export async function deskQueue(db: Db, userId: number, filter: DeskFilter, requested: number) {
  const counts = await statusCounts(db, userId, filter);
  const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { rows: await rows(db, userId, filter, DESK_PAGE_SIZE, (page - 1) * DESK_PAGE_SIZE), counts, total, page, pages };
}

/** Every row of the filter for the file, or null when there are more than DESK_EXPORT_MAX_ROWS. */
export async function deskQueueExport(db: Db, userId: number, filter: DeskFilter): Promise<DeskRow[] | null> {
  const found = await rows(db, userId, filter, DESK_EXPORT_MAX_ROWS + 1, 0);
  return found.length > DESK_EXPORT_MAX_ROWS ? null : found;
}
