// The staff desk's queue (the Mini App, src/web/desk): every application of the projects in the
// staff member's districts, filtered, sorted and paged, with the count of each status. The same
// reach as the chat's queue (services/staff.ts): the projects of the person's centres' districts,
// read anew on every call.
import type { Store } from "../../db/store.js";
import { likeContaining } from "../../db/sql.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import { Prisma, type ApplicationStatus } from "../../generated/prisma/client.js";
import { projectsInReach, QUEUE_WALK_FROM_PROJECTS } from "../staff.js";

export const DESK_PAGE_SIZE = 25;
/** Rows in one downloaded file: a centre's whole queue fits; more is refused, not cut silently. */
export const DESK_EXPORT_MAX_ROWS = 20_000;
export const APPLICATION_STATUSES = ["submitted", "referred", "hired", "rejected", "no_show", "withdrawn"] as const satisfies readonly ApplicationStatus[];
/** "queue" is the chat's order and the desk's first view: the priority group first, then the oldest. */
export const DESK_SORTS = ["queue", "submitted", "number", "name", "status", "priority", "project"] as const;
/** What the desk opens on: the applications waiting for a decision, in the queue's order. */
export const DESK_DEFAULT_STATUS = "submitted" satisfies ApplicationStatus;
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

/**
 * The sort keys of each order (the id last breaks ties), and what they need joined. Only a key that
 * can be null says where nulls go: "desc nulls last" on a column without nulls would still keep
 * PostgreSQL from reading its index backwards, and it would sort the whole filter instead.
 */
const ORDER: Record<DeskSort, { keys: Prisma.Sql[]; nullable?: boolean; joins?: "project" | "person" }> = {
  queue: { keys: [Prisma.sql`a."priorityGroup"`, Prisma.sql`a."submittedAt"`] },
  submitted: { keys: [Prisma.sql`a."submittedAt"`] },
  number: { keys: [Prisma.sql`a.number`] },
  name: { keys: [Prisma.sql`pr."fullName"`], nullable: true, joins: "person" }, // null: the person erased their data
  status: { keys: [Prisma.sql`a.status::text`] },
  priority: { keys: [Prisma.sql`a."priorityGroup"`] },
  project: { keys: [Prisma.sql`p."nameRu"`], joins: "project" },
};

const DAY_MS = 86_400_000;

/** Filters that the per-project counts cannot answer: the rows themselves must be counted. */
const narrowed = (filter: DeskFilter) => Boolean(filter.from || filter.to || filter.text);

/**
 * The conditions on the application (its status aside). Among many projects the project's column
 * is hidden from the planner ("+ 0"), so that it walks the order of applying (an index) and checks
 * each row's project against the array, instead of estimating each of thousands of ids.
 */
function conditions(projects: { ids: string; count: number }, filter: DeskFilter): Prisma.Sql {
  const project = projects.count > QUEUE_WALK_FROM_PROJECTS ? Prisma.sql`a."projectId" + 0` : Prisma.sql`a."projectId"`;
  const parts: Prisma.Sql[] = [Prisma.sql`${project} = any(${projects.ids}::int[])`];
  if (filter.priorityOnly) parts.push(Prisma.sql`a."priorityGroup" = ${PRIORITY_GROUP}`);
  if (filter.from) parts.push(Prisma.sql`a."submittedAt" >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`a."submittedAt" < ${new Date(filter.to.getTime() + DAY_MS)}`);
  if (filter.text) parts.push(Prisma.sql`(a.number ilike ${likeContaining(filter.text)} or pr."fullName" ilike ${likeContaining(filter.text)})`);
  return Prisma.join(parts, " and ");
}

type RowOut = Omit<DeskRow, "project"> & { projectId: number; projectKk: string; projectRu: string };

async function rows(store: Store, projects: { ids: string; count: number }, filter: DeskFilter, limit: number, offset: number): Promise<DeskRow[]> {
  const order = ORDER[filter.sort];
  const status = filter.status ? Prisma.sql` and a.status = ${filter.status}::"ApplicationStatus"` : Prisma.empty;
  const person = order.joins === "person" || filter.text ? Prisma.sql`left join "SeekerProfile" pr on pr."userId" = a."userId"` : Prisma.empty;
  const project = order.joins === "project" ? Prisma.sql`join "Project" p on p.id = a."projectId"` : Prisma.empty;
  const direction = Prisma.raw(filter.descending ? "desc" : "asc");
  const keyDirection = order.nullable ? Prisma.raw(filter.descending ? "desc nulls last" : "asc nulls last") : direction;
  const selected = Prisma.join(order.keys.map((key, i) => Prisma.sql`${key} as ${Prisma.raw(`k${i}`)}`));
  const ordered = (keys: Prisma.Sql[], id: Prisma.Sql) => Prisma.join([...keys.map((key) => Prisma.sql`${key} ${keyDirection}`), Prisma.sql`${id} ${direction}`]);
  // The page's ids first (only what the order and the filter need), then their details.
  const found = await store.rows<RowOut>(Prisma.sql`
    with page as materialized (
      select a.id, ${selected} from "Application" a ${person} ${project}
      where ${conditions(projects, filter)}${status}
      order by ${ordered(order.keys, Prisma.sql`a.id`)}
      limit ${limit} offset ${offset})
    select a.id, a.number, a."submittedAt", pr."fullName", a."priorityGroup", a."isYouth", a."isNeet", a."isStudent", a.status::text as status,
           a."projectId", p."nameKk" as "projectKk", p."nameRu" as "projectRu",
           (select json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu") from "Position" s join "Profession" f on f.id = s."professionId" where s.id = a."positionId") as profession
    from page join "Application" a on a.id = page.id join "Project" p on p.id = a."projectId" left join "SeekerProfile" pr on pr."userId" = a."userId"
    order by ${ordered(order.keys.map((_, i) => Prisma.raw(`page.k${i}`)), Prisma.sql`page.id`)}`, { prepare: false });
  return found.map(({ projectId, projectKk, projectRu, ...row }) => ({ ...row, project: { id: projectId, nameKk: projectKk, nameRu: projectRu } }));
}

/** The count of each status under the filter (its status aside): from the per-project counts unless the filter narrows the rows. */
async function statusCounts(store: Store, projects: { ids: string; count: number }, filter: DeskFilter): Promise<Record<ApplicationStatus, number>> {
  const found = narrowed(filter)
    ? await store.rows<{ status: ApplicationStatus; count: number }>(Prisma.sql`
        select a.status::text as status, count(*)::int as count from "Application" a left join "SeekerProfile" pr on pr."userId" = a."userId"
        where ${conditions(projects, filter)} group by a.status`, { prepare: false })
    : await store.rows<{ status: ApplicationStatus; count: number }>(Prisma.sql`
        select status::text as status, sum(count)::int as count from "ProjectApplicationCount"
        where "projectId" = any(${projects.ids}::int[])${filter.priorityOnly ? Prisma.sql` and "priorityGroup" = ${PRIORITY_GROUP}` : Prisma.empty} group by status`, { prepare: false });
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const { status, count } of found) counts[status] = count;
  return counts;
}

/** One page of the queue (the last one when asked past it), the counts and the number of pages. */
export async function deskQueue(store: Store, userId: number, filter: DeskFilter, requested: number) {
  const projects = await projectsInReach(store, userId, filter.projectId);
  const counts = await statusCounts(store, projects, filter);
  const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { rows: total ? await rows(store, projects, filter, DESK_PAGE_SIZE, (page - 1) * DESK_PAGE_SIZE) : [], counts, total, page, pages };
}

/** Every row of the filter for the file, or null when there are more than DESK_EXPORT_MAX_ROWS. */
export async function deskQueueExport(store: Store, userId: number, filter: DeskFilter): Promise<DeskRow[] | null> {
  const found = await rows(store, await projectsInReach(store, userId, filter.projectId), filter, DESK_EXPORT_MAX_ROWS + 1, 0);
  return found.length > DESK_EXPORT_MAX_ROWS ? null : found;
}
