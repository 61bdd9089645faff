// Applying for a referral, and following one's applications.
import type { SqlRunner, Store } from "../db/store.js";
import { fromAnotherSettlement, type Place } from "../domain/relocation.js";
import { sql, type RawBuilder } from "kysely";
import { prepared, q } from "../db/typed.js";
import { ageOn } from "../domain/iin.js";
import { isMinor, isNeet, isStudent, isYouth, priorityGroup, type SeekerFacts } from "../domain/person.js";
import { isOpenStatus } from "../domain/project-status.js";
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

/** A district as the relocation rule reads it (domain/relocation.ts), as a JSON value (json_build_object: a typed fragment). */
export const placeOf = (
  districtId: RawBuilder<unknown> | number,
) => sql<Place | null>`(select json_build_object('id', d.id, 'regionId', d."regionId", 'kind', d.kind)
  from "District" d where d.id = ${districtId})`;

/** Every check of one application, in one statement compiled once: everything is joined to one row. */
const checkStatement = prepared((p: { userId: number; positionId: number }) =>
  q
    .selectFrom(sql`(select 1)`.as("one"))
    .leftJoin("SeekerProfile as pr", (join) => join.on("pr.userId", "=", p.userId))
    .leftJoin("Position as s", (join) => join.on("s.id", "=", p.positionId))
    .leftJoin("Project as p", "p.id", "s.projectId")
    .leftJoin("Profession as f", "f.id", "s.professionId")
    .select(({ selectFrom }) => [
      sql<boolean>`pr.id is not null`.as("hasProfile"),
      "pr.birthDate",
      "pr.status as seekerStatus",
      "pr.studying",
      "pr.working",
      "pr.districtId as homeDistrictId",
      "pr.willingToRelocate",
      "s.id as positionId",
      "s.projectId",
      "s.count",
      "s.monthlyWage",
      "s.suitableForMinors",
      "p.status as projectStatus",
      "p.nameKk as projectKk",
      "p.nameRu as projectRu",
      "p.districtId as projectDistrictId",
      "f.nameKk as professionKk",
      "f.nameRu as professionRu",
      selectFrom("Application as a")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("a.userId", "=", p.userId)
        .whereRef("a.projectId", "=", "s.projectId")
        .where(sql<boolean>`a.status = any(${[...ACTIVE]}::"ApplicationStatus"[])`)
        .$asScalar()
        .$notNull()
        .as("active"),
      "s.taken",
      placeOf(sql.ref("pr.districtId")).as("homePlace"),
      placeOf(sql.ref("p.districtId")).as("sitePlace"),
    ]),
);

/** Every check of an application, each with its own refusal, in the order a person meets them; one query. */
export async function checkApplication(
  runner: SqlRunner,
  userId: number,
  positionId: number,
  now: Date,
): Promise<ApplyCheck> {
  const [row] = await runner.all(checkStatement({ userId, positionId }));
  if (!row?.hasProfile) return { ok: false, refusal: "no_profile" };
  if (row.positionId === null) return { ok: false, refusal: "not_found" };
  // A position found: its project and profession are there too (their columns are null only without one).
  const found = { count: row.count!, taken: row.taken!, projectStatus: row.projectStatus! };
  const position: ApplyPosition = {
    id: row.positionId,
    projectId: row.projectId!,
    count: found.count,
    monthlyWage: row.monthlyWage!,
    project: { nameKk: row.projectKk!, nameRu: row.projectRu!, districtId: row.projectDistrictId! },
    profession: { nameKk: row.professionKk!, nameRu: row.professionRu! },
  };
  const applicant = {
    age: ageOn(row.birthDate!, now),
    status: row.seekerStatus!,
    studying: row.studying!,
    working: row.working!,
    districtId: row.homeDistrictId!,
  };
  if (!isOpenStatus(found.projectStatus)) return { ok: false, refusal: "project_closed", position };
  if (isMinor(applicant.age) && !row.suitableForMinors) return { ok: false, refusal: "minor", position };
  if (row.active > 0) return { ok: false, refusal: "already_applied", position };
  if (found.taken >= found.count) return { ok: false, refusal: "no_room", position };
  const relocation =
    row.homePlace !== null && row.sitePlace !== null && fromAnotherSettlement(row.homePlace, row.sitePlace);
  return {
    ok: true,
    position,
    applicant,
    relocation: relocation && row.willingToRelocate!,
    lightWork: row.suitableForMinors!,
  };
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
type SubmitParams = {
  prefix: string;
  userId: number;
  projectId: number;
  positionId: number;
  priorityGroup: number;
  homeDistrictId: number;
  isYouth: boolean;
  isNeet: boolean;
  isStudent: boolean;
  isMinor: boolean;
  relocated: boolean;
  now: Date;
};

/** The application, its number (from its id) and its first event in one statement, compiled once. */
const submitStatement = prepared((p: SubmitParams) => {
  const submitted = sql<"submitted">`'submitted'`;
  return q
    .with("next", (db) =>
      db.selectNoFrom(sql<number>`nextval(pg_get_serial_sequence('"Application"', 'id'))::int`.as("id")),
    )
    .with("created", (db) =>
      db
        .insertInto("Application")
        .columns([
          "id",
          "number",
          "userId",
          "projectId",
          "positionId",
          "status",
          "priorityGroup",
          "homeDistrictId",
          "isYouth",
          "isNeet",
          "isStudent",
          "isMinor",
          "relocated",
          "submittedAt",
          "updatedAt",
        ])
        .expression((eb) =>
          eb
            .selectFrom("next")
            .select([
              "next.id",
              sql<string>`${p.prefix} || lpad(next.id::text, greatest(6, length(next.id::text)), '0')`.as("number"),
              eb.val(p.userId).as("userId"),
              eb.val(p.projectId).as("projectId"),
              eb.val(p.positionId).as("positionId"),
              submitted.as("status"),
              eb.val(p.priorityGroup).as("priorityGroup"),
              eb.val(p.homeDistrictId).as("homeDistrictId"),
              eb.val(p.isYouth).as("isYouth"),
              eb.val(p.isNeet).as("isNeet"),
              eb.val(p.isStudent).as("isStudent"),
              eb.val(p.isMinor).as("isMinor"),
              eb.val(p.relocated).as("relocated"),
              eb.val(p.now).as("submittedAt"),
              eb.val(p.now).as("updatedAt"),
            ])
            .where(({ exists, selectFrom }) =>
              exists(selectFrom("Project as p").select("p.id").where("p.id", "=", p.projectId).where(OPEN)),
            ),
        )
        .onConflict((oc) => oc.doNothing())
        .returning(["id", "number", "submittedAt"]),
    )
    .with("event", (db) =>
      db
        .insertInto("ApplicationEvent")
        .columns(["applicationId", "status", "actorUserId", "at"])
        .expression((eb) =>
          eb
            .selectFrom("created")
            .select(["created.id", submitted.as("status"), eb.val(p.userId).as("actorUserId"), eb.val(p.now).as("at")]),
        ),
    )
    .selectFrom("created")
    .select(["created.id", "created.number", "created.submittedAt"]);
});

export async function submitApplication(store: Store, userId: number, positionId: number, now: Date) {
  const check = await checkApplication(store, userId, positionId, now);
  if (!check.ok) return { ...check, application: undefined };
  const facts = check.applicant!;
  const [application] = await store.all(
    submitStatement({
      prefix: `Z-${now.getUTCFullYear()}-`,
      userId,
      projectId: check.position!.projectId,
      positionId,
      priorityGroup: priorityGroup(facts, { lightWork: check.lightWork ?? false }),
      homeDistrictId: facts.districtId,
      isYouth: isYouth(facts.age),
      isNeet: isNeet(facts),
      isStudent: isStudent(facts),
      isMinor: isMinor(facts.age),
      relocated: check.relocation ?? false,
      now,
    }),
  );
  if (application) return { ...check, application };
  const again = await checkApplication(store, userId, positionId, now);
  return { ...again, ok: false, refusal: again.refusal ?? ("already_applied" as const), application: undefined };
}

export function myApplications(store: Store, userId: number) {
  return store.db.application.findMany({
    where: { userId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    include: { project: true, position: { include: { profession: true } } },
  });
}

/** Withdraws the person's own application while it is not yet referred; false otherwise. */
export async function withdrawApplication(
  store: Store,
  userId: number,
  applicationId: number,
  now: Date,
): Promise<boolean> {
  // One statement: the change and its event together, or neither.
  const changed = await store.all(
    q
      .with("changed", (db) =>
        db
          .updateTable("Application")
          .set({ status: "withdrawn", updatedAt: now })
          .where("id", "=", applicationId)
          .where("userId", "=", userId)
          .where("status", "=", "submitted")
          .returning("id"),
      )
      .with("event", (db) =>
        db
          .insertInto("ApplicationEvent")
          .columns(["applicationId", "status", "actorUserId", "at"])
          .expression((eb) =>
            eb
              .selectFrom("changed")
              .select([
                "changed.id",
                sql<"withdrawn">`'withdrawn'`.as("status"),
                eb.val(userId).as("actorUserId"),
                eb.val(now).as("at"),
              ]),
          ),
      )
      .selectFrom("changed")
      .select("changed.id"),
    { prepare: false },
  );
  return changed.length > 0;
}
