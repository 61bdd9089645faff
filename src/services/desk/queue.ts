// The staff desk's queue (the Mini App, src/web/desk): every application of the projects in the
// staff member's districts, filtered, sorted and paged, with the count of each status. The same
// reach as the chat's queue (services/staff.ts): the projects of the person's centres' districts,
// read anew on every call.
import type { Store } from "../../db/store.js";
import { likeContaining } from "../../db/sql.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import { sql } from "kysely";
import type { ApplicationStatus } from "../../generated/prisma/client.js";
import { q } from "../../db/typed.js";
import { projectsInReach, QUEUE_WALK_FROM_PROJECTS } from "../staff.js";

export const DESK_PAGE_SIZE = 25;
/** Rows in one downloaded file: a centre's whole queue fits; more is refused, not cut silently. */
export const DESK_EXPORT_MAX_ROWS = 20_000;
export const APPLICATION_STATUSES = [
  "submitted",
  "referred",
  "hired",
  "rejected",
  "no_show",
  "withdrawn",
] as const satisfies readonly ApplicationStatus[];
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
  /** Only the applications whose job seeker said after the referral that they were not hired. */
  attention?: boolean;
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
const ORDER: Record<DeskSort, { keys: string[]; nullable?: boolean; joins?: "project" | "person" }> = {
  queue: { keys: ["a.priorityGroup", "a.submittedAt"] },
  submitted: { keys: ["a.submittedAt"] },
  number: { keys: ["a.number"] },
  name: { keys: ["pr.fullName"], nullable: true, joins: "person" }, // null: the person erased their data
  status: { keys: ["a.status"] },
  priority: { keys: ["a.priorityGroup"] },
  project: { keys: ["p.nameRu"], joins: "project" },
};

const DAY_MS = 86_400_000;

/** Filters that the per-project counts cannot answer: the rows themselves must be counted. */
const narrowed = (filter: DeskFilter) => Boolean(filter.from || filter.to || filter.text || filter.attention);

/**
 * The conditions on the application (its status aside). Among many projects the project's column
 * is hidden from the planner ("+ 0"), so that it walks the order of applying (an index) and checks
 * each row's project against the array, instead of estimating each of thousands of ids. Typed
 * fragments: "+ 0", "= any(array)" and ilike.
 */
function conditions(projects: { ids: string; count: number }, filter: DeskFilter) {
  const project = projects.count > QUEUE_WALK_FROM_PROJECTS ? sql`a."projectId" + 0` : sql`a."projectId"`;
  const pattern = filter.text ? likeContaining(filter.text) : "";
  const parts = [
    sql<boolean>`${project} = any(${projects.ids}::int[])`,
    ...(filter.priorityOnly ? [sql<boolean>`a."priorityGroup" = ${PRIORITY_GROUP}`] : []),
    ...(filter.attention ? [sql<boolean>`a."seekerOutcome" = 'not_hired'`] : []),
    ...(filter.from ? [sql<boolean>`a."submittedAt" >= ${filter.from}`] : []),
    ...(filter.to ? [sql<boolean>`a."submittedAt" < ${new Date(filter.to.getTime() + DAY_MS)}`] : []),
    ...(filter.text ? [sql<boolean>`(a.number ilike ${pattern} or pr."fullName" ilike ${pattern})`] : []),
  ];
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

async function rows(
  store: Store,
  projects: { ids: string; count: number },
  filter: DeskFilter,
  limit: number,
  offset: number,
): Promise<DeskRow[]> {
  const order = ORDER[filter.sort];
  const direction = sql.raw(filter.descending ? "desc" : "asc");
  const keyDirection = order.nullable ? sql.raw(filter.descending ? "desc nulls last" : "asc nulls last") : direction;
  const keys = order.keys.map((key) => sql.ref(key));
  // The page's ids first (only what the order and the filter need), then their details.
  const found = await store.all(
    q
      .with(
        (cte) => cte("page").materialized(),
        (db) =>
          db
            .selectFrom("Application as a")
            .$if(order.joins === "person" || Boolean(filter.text), (query) =>
              query.leftJoin("SeekerProfile as pr", "pr.userId", "a.userId"),
            )
            .$if(order.joins === "project", (query) => query.innerJoin("Project as p", "p.id", "a.projectId"))
            .select(["a.id", ...keys.map((key, i) => sql`${key}`.as(`k${i}`))])
            .where(conditions(projects, filter))
            .$if(filter.status !== undefined, (query) => query.where("a.status", "=", filter.status!))
            .orderBy(sql`${sql.join([...keys.map((key) => sql`${key} ${keyDirection}`), sql`a.id ${direction}`])}`)
            .limit(limit)
            .offset(offset),
      )
      .selectFrom("page")
      .innerJoin("Application as a", "a.id", "page.id")
      .innerJoin("Project as p", "p.id", "a.projectId")
      .leftJoin("SeekerProfile as pr", "pr.userId", "a.userId")
      .select([
        "a.id",
        "a.number",
        "a.submittedAt",
        "pr.fullName",
        "a.priorityGroup",
        "a.isYouth",
        "a.isNeet",
        "a.isStudent",
        "a.status",
        "a.projectId",
        "p.nameKk as projectKk",
        "p.nameRu as projectRu",
        // json_build_object: a typed fragment
        sql<{
          nameKk: string;
          nameRu: string;
        }>`(select json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu") from "Position" s join "Profession" f on f.id = s."professionId" where s.id = a."positionId")`.as(
          "profession",
        ),
      ])
      .orderBy(
        sql`${sql.join([...keys.map((_, i) => sql`${sql.ref(`page.k${i}`)} ${keyDirection}`), sql`page.id ${direction}`])}`,
      ),
    { prepare: false },
  );
  return found.map(({ projectId, projectKk, projectRu, ...row }) => ({
    ...row,
    project: { id: projectId, nameKk: projectKk, nameRu: projectRu },
  }));
}

/** The count of each status under the filter (its status aside): from the per-project counts unless the filter narrows the rows. */
async function statusCounts(
  store: Store,
  projects: { ids: string; count: number },
  filter: DeskFilter,
): Promise<Record<ApplicationStatus, number>> {
  const found = narrowed(filter)
    ? await store.all(
        q
          .selectFrom("Application as a")
          .leftJoin("SeekerProfile as pr", "pr.userId", "a.userId")
          .select(["a.status", sql<number>`count(*)::int`.as("count")])
          .where(conditions(projects, filter))
          .groupBy("a.status"),
        { prepare: false },
      )
    : await store.all(
        q
          .selectFrom("ProjectApplicationCount")
          .select(["status", sql<number>`sum(count)::int`.as("count")])
          .where(sql<boolean>`"projectId" = any(${projects.ids}::int[])`)
          .$if(Boolean(filter.priorityOnly), (query) => query.where("priorityGroup", "=", PRIORITY_GROUP))
          .groupBy("status"),
        { prepare: false },
      );
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
  return {
    rows: total ? await rows(store, projects, filter, DESK_PAGE_SIZE, (page - 1) * DESK_PAGE_SIZE) : [],
    counts,
    total,
    page,
    pages,
  };
}

/** Every row of the filter for the file, or null when there are more than DESK_EXPORT_MAX_ROWS. */
export async function deskQueueExport(store: Store, userId: number, filter: DeskFilter): Promise<DeskRow[] | null> {
  const found = await rows(
    store,
    await projectsInReach(store, userId, filter.projectId),
    filter,
    DESK_EXPORT_MAX_ROWS + 1,
    0,
  );
  return found.length > DESK_EXPORT_MAX_ROWS ? null : found;
}
