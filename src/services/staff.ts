// What employment-centre staff may see: the applications for projects in their centres' districts.
// Every function checks the person's centres again, whatever the button said.
import type { SqlRunner, Store } from "../db/store.js";
import type { ApplicationStatus, Role, SeekerOutcome } from "../generated/prisma/client.js";
import { sql, type RawBuilder } from "kysely";
import { prepared, q } from "../db/typed.js";

export const QUEUE_PAGE_SIZE = 5;

const NOT_ALLOWED = "not allowed: outside the staff member's centres";

export class NotAllowedError extends Error {
  constructor() {
    super(NOT_ALLOWED);
  }
}

/** A NotAllowedError (the conversations keep its class across replays: src/bot/conversations/answer.ts). */
export const isNotAllowed = (error: unknown): error is NotAllowedError => error instanceof NotAllowedError;

/** The districts of the centres a person works at, as a subquery. */
export const staffDistricts = (userId: number) =>
  q
    .selectFrom("CentreDistrict as cd")
    .innerJoin("StaffMembership as sm", "sm.centreId", "cd.centreId")
    .select("cd.districtId")
    .where("sm.userId", "=", userId);

/** The districts of every centre the person works at (none for a non-member). */
export async function staffDistrictIds(runner: SqlRunner, userId: number): Promise<number[]> {
  const rows = await runner.all(districtIdsStatement({ userId }));
  return rows.map((row) => row.districtId);
}
const districtIdsStatement = prepared((p: { userId: number }) =>
  staffDistricts(p.userId).distinct().orderBy("cd.districtId"),
);

/** What staff see and act on: the application with its project, region and position. */
export interface ReachableApplication {
  id: number;
  number: string;
  userId: number | null;
  projectId: number;
  positionId: number;
  status: ApplicationStatus;
  priorityGroup: number;
  homeDistrictId: number | null;
  submittedAt: Date;
  referredAt: Date | null;
  referralNumber: string | null;
  /** Who recorded the outcome after the referral, if anyone has. */
  outcomeBy: Role | null;
  /** What the job seeker answered to the follow-up, and when. */
  seekerOutcome: SeekerOutcome | null;
  seekerReason: string | null;
  seekerAnswerAt: Date | null;
  project: { nameKk: string; nameRu: string; districtId: number; regionId: number; regionCode: string };
  /** `taken`: its places taken by referrals and hires (as of the lock, when the position is locked). */
  position: { count: number; taken: number; profession: { nameKk: string; nameRu: string } };
  /** The centre through which this staff member handles the project's district (its address goes into messages). */
  centreId: number;
}

/** Whose reach: a staff member's (the districts of their centres) or a contractor's representative's (their contractors' projects). */
export type ReachScope = "staff" | "contractor";

/** The contractors a person represents, as a subquery. */
export const representedContractors = (userId: number) =>
  q.selectFrom("ContractorMembership").select("contractorId").where("userId", "=", userId);

/** Rows of a reachable application locked until the end of the transaction. */
export type ReachLock = "application" | "application and position";

/** The statement of each kind of reach (with or without a lock, with or without the person), compiled once. */
const reachStatements = new Map<string, ReturnType<typeof reachStatement>>();

function reachStatement(lock: ReachLock | undefined, person: RawBuilder<unknown> | undefined, scope: ReachScope) {
  return prepared((p: { userId: number; applicationId: number }) =>
    q
      .selectFrom("Application as a")
      .innerJoin("Project as p", "p.id", "a.projectId")
      .innerJoin("Position as s", "s.id", "a.positionId")
      .select(({ selectFrom }) => [
        "a.id",
        "a.number",
        "a.userId",
        "a.projectId",
        "a.positionId",
        "a.status",
        "a.priorityGroup",
        "a.homeDistrictId",
        "a.submittedAt",
        "a.referredAt",
        "a.referralNumber",
        "a.outcomeBy",
        "a.seekerOutcome",
        "a.seekerReason",
        "a.seekerAnswerAt",
        "p.nameKk as projectKk",
        "p.nameRu as projectRu",
        "p.districtId",
        // json_build_object, which Kysely has no builder for: typed fragments.
        sql<{
          id: number;
          code: string;
        }>`(select json_build_object('id', r.id, 'code', r.code) from "District" d join "Region" r on r.id = d."regionId" where d.id = p."districtId")`.as(
          "region",
        ),
        sql<{
          count: number;
          taken: number;
          nameKk: string;
          nameRu: string;
        }>`(select json_build_object('count', s.count, 'taken', s.taken, 'nameKk', f."nameKk", 'nameRu', f."nameRu")
        from "Profession" f where f.id = s."professionId")`.as("position"),
        // The staff member's centre for the district; for a contractor, the district's centre.
        selectFrom("CentreDistrict as cd")
          .$if(scope === "staff", (c) =>
            c.innerJoin("StaffMembership as sm", "sm.centreId", "cd.centreId").where("sm.userId", "=", p.userId),
          )
          .select(sql<number>`min(cd."centreId")`.as("c"))
          .whereRef("cd.districtId", "=", "p.districtId")
          .$asScalar()
          .$notNull()
          .as("centreId"),
        (person ?? sql<unknown>`null`).as("person"),
      ])
      .where("a.id", "=", p.applicationId)
      .$if(scope === "staff", (query) => query.where("p.districtId", "in", staffDistricts(p.userId)))
      .$if(scope === "contractor", (query) => query.where("p.contractorId", "in", representedContractors(p.userId)))
      .$if(lock === "application", (query) => query.forUpdate("a"))
      .$if(lock === "application and position", (query) => query.forUpdate(["a", "s"])),
  );
}

/**
 * The application's row if it is for a project in the person's districts (undefined otherwise),
 * with `person` read along (a fragment on the application `a`). The region and the profession come
 * from subqueries rather than joins: planning a six-table join took PostgreSQL longer than running it.
 */
export async function reachableRow(
  runner: SqlRunner,
  userId: number,
  applicationId: number,
  lock: ReachLock | undefined,
  person?: { key: string; column: RawBuilder<unknown> },
  scope: ReachScope = "staff",
) {
  const key = `${scope}:${lock ?? "none"}:${person?.key ?? ""}`;
  if (!reachStatements.has(key)) reachStatements.set(key, reachStatement(lock, person?.column, scope));
  const [row] = await runner.all(reachStatements.get(key)!({ userId, applicationId }));
  if (!row) return undefined;
  const { projectKk, projectRu, districtId, region, position, person: personRow, centreId, ...application } = row;
  const reachable: ReachableApplication = {
    ...application,
    centreId,
    project: { nameKk: projectKk, nameRu: projectRu, districtId, regionId: region.id, regionCode: region.code },
    position: {
      count: position.count,
      taken: position.taken,
      profession: { nameKk: position.nameKk, nameRu: position.nameRu },
    },
  };
  return { application: reachable, person: personRow };
}

/**
 * The application, if it is for a project in the person's districts; otherwise NotAllowedError.
 * With `lock`, its row (and its position's) stays locked until the transaction ends: two staff
 * pressing at once act one after the other, the second seeing the status, and the places taken,
 * that the first left (PostgreSQL reads a row it waited for anew).
 */
export async function applicationInReach(
  runner: SqlRunner,
  userId: number,
  applicationId: number,
  lock?: ReachLock,
  scope: ReachScope = "staff",
): Promise<ReachableApplication> {
  const found = await reachableRow(runner, userId, applicationId, lock, undefined, scope);
  if (!found) throw new NotAllowedError();
  return found.application;
}

export interface QueueFilter {
  projectId?: number;
  status?: ApplicationStatus;
  /** Only the referrals whose job seeker said they were not hired. */
  attention?: boolean;
}

/**
 * The queue is read up to this many applications: shown as "1000+" and "200+" pages beyond it. An
 * exact count of a region's queue among a million applications took longer than the whole page.
 */
export const QUEUE_COUNT_CAP = 1_000;

/** From this many projects in reach, the queue is read by walking its index (see staffQueue). */
export const QUEUE_WALK_FROM_PROJECTS = 100;

/** The projects in reach as the array's text and their count (array_agg and the casts: typed fragments). */
const inReach = (userId: number) =>
  q
    .selectFrom("Project as p")
    .select([sql<string>`coalesce(array_agg(p.id), '{}')::text`.as("ids"), sql<number>`count(*)::int`.as("count")])
    .where("p.districtId", "in", staffDistricts(userId));
const projectsStatement = prepared((p: { userId: number }) => inReach(p.userId));
const oneProjectStatement = prepared((p: { userId: number; only: number }) =>
  inReach(p.userId).where("p.id", "=", p.only),
);

/**
 * The ids of the projects in the districts of the person's centres (or the one asked for among
 * them) as PostgreSQL's array text, "{1,2,3}": a region has thousands, and text passes through the
 * driver without being parsed into numbers and quoted back.
 */
export async function projectsInReach(
  runner: SqlRunner,
  userId: number,
  only?: number,
): Promise<{ ids: string; count: number }> {
  const [row] = await runner.all(only ? oneProjectStatement({ userId, only }) : projectsStatement({ userId }));
  return row!;
}

export interface QueueItem {
  id: number;
  number: string;
  status: ApplicationStatus;
  priorityGroup: number;
  /** null when the applicant erased their data. */
  fullName: string | null;
  /** What the job seeker answered to the follow-up, if anything. */
  seekerOutcome: SeekerOutcome | null;
}

/**
 * The queue: priority group first (youth, NEET youth, students), then the time of applying. The
 * default view (submitted and referred) walks the partial index "Application_queue_idx" in this
 * order and checks the project inside the index against the array of the centre's projects, sent
 * as a parameter so that PostgreSQL hashes it (a subquery's array is searched element by element).
 * A centre with few projects lets the planner choose by the statistics of each project (a small
 * queue is read faster through the projects' index and sorted); with many, estimating each id took
 * longer than the query (8 ms of planning for 6,500 projects), so the column is hidden from the
 * planner ("+ 0") and the queue index is walked. One query then reads up to QUEUE_COUNT_CAP + 1 ids
 * in that order, counts them, chooses the page (the last one when asked past it) and joins the
 * names of its five.
 */
/** The queue's statement, one for a walk of the index and one for a few projects, each compiled once. */
function queueStatement(walk: boolean) {
  const project = walk ? sql`a."projectId" + 0` : sql`a."projectId"`;
  // The planner's hints and the page's arithmetic (row_number, "+ 0", = any(array), least/greatest): typed fragments.
  return prepared((p: { statuses: string[]; ids: string; requested: number; attention: boolean }) =>
    q
      .with(
        (cte) => cte("queue").materialized(),
        (db) =>
          db
            .selectFrom("Application as a")
            .select([
              "a.id",
              sql<number>`row_number() over (order by a."priorityGroup", a."submittedAt", a.id)`.as("n"),
            ])
            .where(sql<boolean>`a.status = any(${p.statuses}::"ApplicationStatus"[])`)
            .where(sql<boolean>`${project} = any(${p.ids}::int[])`)
            // "Needs attention": the job seeker said they were not hired, and nobody has recorded an outcome.
            .where(sql<boolean>`(not ${p.attention}::boolean or a."seekerOutcome" = 'not_hired')`)
            .orderBy("a.priorityGroup")
            .orderBy("a.submittedAt")
            .orderBy("a.id")
            .limit(QUEUE_COUNT_CAP + 1),
      )
      .with("total", (db) => db.selectFrom("queue").select(sql<number>`count(*)::int`.as("total")))
      .with("chosen", (db) =>
        db
          .selectFrom("total")
          .select(
            sql<number>`least(greatest(1, ${p.requested}::int), greatest(1, ceil(least(total, ${QUEUE_COUNT_CAP}) / ${QUEUE_PAGE_SIZE}::numeric)))::int`.as(
              "page",
            ),
          ),
      )
      .selectFrom(["total", "chosen"])
      .leftJoin("queue as qn", (join) =>
        join.on(
          sql<boolean>`qn.n > (chosen.page - 1) * ${QUEUE_PAGE_SIZE} and qn.n <= chosen.page * ${QUEUE_PAGE_SIZE}`,
        ),
      )
      .leftJoin("Application as a", "a.id", "qn.id")
      .leftJoin("SeekerProfile as pr", "pr.userId", "a.userId")
      .select([
        "total.total",
        "chosen.page",
        "a.id",
        "a.number",
        "a.status",
        "a.priorityGroup",
        "a.seekerOutcome",
        "pr.fullName",
      ])
      .orderBy("qn.n"),
  );
}
const queueStatements = new Map<boolean, ReturnType<typeof queueStatement>>();

export async function staffQueue(store: Store, userId: number, filter: QueueFilter, requested: number) {
  const projects = await projectsInReach(store, userId, filter.projectId);
  const walk = projects.count > QUEUE_WALK_FROM_PROJECTS;
  if (!queueStatements.has(walk)) queueStatements.set(walk, queueStatement(walk));
  const statuses = filter.attention ? ["referred"] : filter.status ? [filter.status] : ["submitted", "referred"];
  const attention = filter.attention === true;
  const rows = await store.all(queueStatements.get(walk)!({ statuses, ids: projects.ids, requested, attention }), {
    prepare: false,
  });
  const { total: read, page } = rows[0]!;
  const total = Math.min(read, QUEUE_COUNT_CAP);
  const items: QueueItem[] = rows.flatMap(({ id, number, status, priorityGroup, fullName, seekerOutcome }) =>
    id === null || number === null || status === null || priorityGroup === null
      ? []
      : [{ id, number, status, priorityGroup, fullName, seekerOutcome }],
  );
  return { items, page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), total, more: read > QUEUE_COUNT_CAP };
}

/** Projects in the person's districts, for the queue's filter and "our projects". */
export async function staffProjects(store: Store, userId: number) {
  const districts = await staffDistrictIds(store, userId);
  return store.db.project.findMany({
    where: { districtId: { in: districts } },
    orderBy: [{ status: "asc" }, { id: "asc" }],
    include: { district: true },
  });
}
