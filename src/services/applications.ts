// Applying for a referral, and following one's applications.
import type { SqlRunner, Store } from "../db/store.js";
import { fromAnotherSettlement, type Place } from "../domain/relocation.js";
import { Prisma } from "../generated/prisma/client.js";
import { ageOn } from "../domain/iin.js";
import { isMinor, isNeet, isStudent, isYouth, priorityGroup, type SeekerFacts, type SeekerStatus } from "../domain/person.js";
import { isOpenStatus, type ProjectStatusName } from "../domain/project-status.js";
import { OPEN } from "./projects.js";

const ACTIVE = ["submitted", "referred", "hired"] as const;

export type ApplyRefusal = "no_profile" | "not_found" | "project_closed" | "minor" | "already_applied" | "no_room";

export interface ApplyPosition {
  id: number;
  projectId: number;
  count: number;
  monthlyWage: number;
  project: { nameKk: string; nameRu: string; districtId: number };
  profession: { nameKk: string; nameRu: string };
}

export interface ApplyCheck {
  ok: boolean;
  refusal?: ApplyRefusal;
  position?: ApplyPosition;
  relocation?: boolean;
  /** The position is light work (marked suitable for minors): a student's priority counts there. */
  lightWork?: boolean;
  /** The applicant's facts the application keeps (its priority group and flags). */
  applicant?: SeekerFacts & { districtId: number };
}

interface CheckRow {
  hasProfile: boolean;
  birthDate: Date | null;
  seekerStatus: SeekerStatus | null;
  studying: boolean | null;
  working: boolean | null;
  homeDistrictId: number | null;
  willingToRelocate: boolean | null;
  positionId: number | null;
  projectId: number;
  count: number;
  monthlyWage: number;
  suitableForMinors: boolean;
  projectStatus: ProjectStatusName;
  projectKk: string;
  projectRu: string;
  projectDistrictId: number;
  professionKk: string;
  professionRu: string;
  active: number;
  taken: number;
  homePlace: Place | null;
  sitePlace: Place | null;
}

/** A district as the relocation rule reads it (domain/relocation.ts), as a JSON value. */
export const placeOf = (districtId: Prisma.Sql) => Prisma.sql`(select json_build_object('id', d.id, 'regionId', d."regionId", 'kind', d.kind)
  from "District" d where d.id = ${districtId})`;

/** Every check of an application, each with its own refusal, in the order a person meets them; one query. */
export async function checkApplication(sql: SqlRunner, userId: number, positionId: number, now: Date): Promise<ApplyCheck> {
  const [row] = (await sql.rows<CheckRow>(Prisma.sql`
    select pr.id is not null as "hasProfile", pr."birthDate", pr.status::text as "seekerStatus", pr.studying, pr.working,
           pr."districtId" as "homeDistrictId", pr."willingToRelocate",
           s.id as "positionId", s."projectId", s.count, s."monthlyWage", s."suitableForMinors",
           p.status::text as "projectStatus", p."nameKk" as "projectKk", p."nameRu" as "projectRu", p."districtId" as "projectDistrictId",
           f."nameKk" as "professionKk", f."nameRu" as "professionRu",
           (select count(*) from "Application" a where a."userId" = ${userId} and a."projectId" = s."projectId"
              and a.status = any(${[...ACTIVE]}::"ApplicationStatus"[]))::int as active,
           s.taken, ${placeOf(Prisma.sql`pr."districtId"`)} as "homePlace", ${placeOf(Prisma.sql`p."districtId"`)} as "sitePlace"
    from (select 1) one
      left join "SeekerProfile" pr on pr."userId" = ${userId}
      left join "Position" s on s.id = ${positionId}
      left join "Project" p on p.id = s."projectId"
      left join "Profession" f on f.id = s."professionId"`)) as [CheckRow]; // one row always: everything is joined to "select 1"
  if (!row.hasProfile) return { ok: false, refusal: "no_profile" };
  if (row.positionId === null) return { ok: false, refusal: "not_found" };
  const position: ApplyPosition = {
    id: row.positionId, projectId: row.projectId, count: row.count, monthlyWage: row.monthlyWage,
    project: { nameKk: row.projectKk, nameRu: row.projectRu, districtId: row.projectDistrictId },
    profession: { nameKk: row.professionKk, nameRu: row.professionRu },
  };
  const applicant = { age: ageOn(row.birthDate!, now), status: row.seekerStatus!, studying: row.studying!, working: row.working!, districtId: row.homeDistrictId! };
  if (!isOpenStatus(row.projectStatus)) return { ok: false, refusal: "project_closed", position };
  if (isMinor(applicant.age) && !row.suitableForMinors) return { ok: false, refusal: "minor", position };
  if (row.active > 0) return { ok: false, refusal: "already_applied", position };
  if (row.taken >= row.count) return { ok: false, refusal: "no_room", position };
  const relocation = row.homePlace !== null && row.sitePlace !== null && fromAnotherSettlement(row.homePlace, row.sitePlace);
  return { ok: true, position, applicant, relocation: relocation && row.willingToRelocate!, lightWork: row.suitableForMinors! };
}

export interface SubmittedApplication {
  id: number;
  number: string;
  submittedAt: Date;
}

/**
 * Creates the application after its checks, in one statement (no transaction held open between
 * round trips): the application, its number (from its id) and its first event. The statement
 * itself refuses a project closed since the check, and the partial unique index on active
 * applications refuses a second one from two taps or two devices at once (the second insert waits
 * for the first and then writes nothing); the checks, read again, then say why.
 */
export async function submitApplication(store: Store, userId: number, positionId: number, now: Date) {
  const check = await checkApplication(store, userId, positionId, now);
  if (!check.ok) return { ...check, application: undefined };
  const facts = check.applicant!;
  const [application] = await store.rows<SubmittedApplication>(Prisma.sql`
    with next as (select nextval(pg_get_serial_sequence('"Application"', 'id'))::int as id),
    created as (
      insert into "Application" (id, number, "userId", "projectId", "positionId", status, "priorityGroup", "homeDistrictId",
        "isYouth", "isNeet", "isStudent", "isMinor", relocated, "submittedAt", "updatedAt")
      select next.id, ${`Z-${now.getUTCFullYear()}-`} || lpad(next.id::text, greatest(6, length(next.id::text)), '0'), ${userId}, ${check.position!.projectId}, ${positionId},
        'submitted', ${priorityGroup(facts, { lightWork: check.lightWork ?? false })}, ${facts.districtId}, ${isYouth(facts.age)}, ${isNeet(facts)}, ${isStudent(facts)},
        ${isMinor(facts.age)}, ${check.relocation ?? false}, ${now}, ${now}
      from next
      where exists (select 1 from "Project" p where p.id = ${check.position!.projectId} and ${OPEN})
      on conflict do nothing
      returning id, number, "submittedAt"),
    event as (
      insert into "ApplicationEvent" ("applicationId", status, "actorUserId", at) select id, 'submitted', ${userId}, ${now} from created)
    select id, number, "submittedAt" from created`);
  if (application) return { ...check, application };
  const again = await checkApplication(store, userId, positionId, now);
  return { ...again, ok: false, refusal: again.refusal ?? ("already_applied" as const), application: undefined };
}

export function myApplications(store: Store, userId: number) {
  return store.db.application.findMany({
    where: { userId }, orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    include: { project: true, position: { include: { profession: true } } },
  });
}

/** Withdraws the person's own application while it is not yet referred; false otherwise. */
export async function withdrawApplication(store: Store, userId: number, applicationId: number, now: Date): Promise<boolean> {
  // One statement: the change and its event together, or neither.
  const changed = await store.rows<{ id: number }>(Prisma.sql`
    with changed as (
      update "Application" set status = 'withdrawn', "updatedAt" = ${now}
      where id = ${applicationId} and "userId" = ${userId} and status = 'submitted' returning id),
    event as (
      insert into "ApplicationEvent" ("applicationId", status, "actorUserId", at) select id, 'withdrawn', ${userId}, ${now} from changed)
    select id from changed`, { prepare: false });
  return changed.length > 0;
}
