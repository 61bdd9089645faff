// Finding the programme's open projects: near a point, or in a district; and one project's card.
import type { Store } from "../db/store.js";
import { sql } from "kysely";
import { prepared, q } from "../db/typed.js";
import type { ObjectGroup, ProjectStatus, WorkKind } from "../generated/prisma/enums.js";
import { EARTH_RADIUS_KM } from "../domain/geo.js";

export const PAGE_SIZE = 5;

export const WORK_KINDS = [
  "construction",
  "capital_repair",
  "medium_repair",
  "current_repair",
  "reconstruction",
  "modular",
  "temporary",
] as const;
export type WorkKindName = (typeof WORK_KINDS)[number];

/** The list's filters: only projects needing one of my professions; one kind of work (null: any). */
export interface ListFilter {
  mine: boolean;
  kind: WorkKindName | null;
}

export interface ListQuery {
  /** With `mine`: the professions of the person's profile. */
  professionIds?: number[];
  kind?: WorkKindName | null;
}

/** Which of the list's filters are on: each combination is a statement of its own, compiled once. */
const filtersOn = (query: ListQuery) => ({
  professions: Boolean(query.professionIds?.length),
  kind: Boolean(query.kind),
});
type FiltersOn = ReturnType<typeof filtersOn>;
const variant = (on: FiltersOn) => `${on.professions}:${on.kind}`;

/** The list's filters on the project `p`, as a condition (the values may be a prepared statement's stand-ins). */
function filterSql(on: FiltersOn, values: { professionIds: unknown; kind: unknown }) {
  const parts = [
    ...(on.professions
      ? [
          sql<boolean>`exists (select 1 from "Position" s where s."projectId" = p.id and s."professionId" = any(${values.professionIds}::int[]))`,
        ]
      : []),
    ...(on.kind ? [sql<boolean>`p."workKind" = ${values.kind}::"WorkKind"`] : []),
  ];
  return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;
}
/** "Near me" pages through the nearest 50 open projects. */
export const NEAR_LIMIT = 50;

export interface ProjectListItem {
  id: number;
  nameKk: string;
  nameRu: string;
  districtKk: string;
  districtRu: string;
  openPlaces: number;
  distanceKm: number | null;
}

export interface ProjectPage {
  items: ProjectListItem[];
  page: number;
  pages: number;
}

// Places still open on project "p": its positions' counts less their places taken (kept by a trigger).
export const OPEN_PLACES = sql<number>`(
  select coalesce(sum(greatest(s.count - s.taken, 0)), 0)::int from "Position" s where s."projectId" = p.id)`;
/**
 * OPEN_PLACES as a lateral row "room" (join it on true), so its sum is computed once per project
 * and can be both filtered and selected ("offset 0" keeps the lateral from being flattened into the scan).
 */
export const ROOM = q
  .selectFrom(sql`(select 1)`.as("one"))
  .select(OPEN_PLACES.as("places"))
  .offset(sql.lit(0))
  .as("room");
/**
 * isOpenStatus (src/domain/project-status.ts) in SQL, for a project aliased "p". Written out
 * rather than passed as a parameter: the partial indexes on open projects are chosen only when a
 * query's condition matches their predicate literally.
 */
export const OPEN = sql<boolean>`p.status in ('planned', 'in_progress')`;

/** The great-circle distance of the project `p` from a point, km. */
export const distance = (lat: number, lon: number) => sql<number>`(2 * ${sql.lit(EARTH_RADIUS_KM)} * asin(sqrt(
  power(sin(radians(p.lat - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(p.lat)) * power(sin(radians(p.lon - ${lon}) / 2), 2))))::float`;

/** The project's place on the unit sphere (its generated columns, which Prisma's schema cannot declare). */
export const UNIT_POINT = sql`cube(array[p."unitX", p."unitY", p."unitZ"])`;

/** One page of a list that is read whole (a district's open projects); past the end: the first page. */
function pageOf(rows: ProjectListItem[], requested: number): ProjectPage {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = requested > pages ? 1 : Math.max(1, requested);
  return { items: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, pages };
}

/** The point on the unit sphere, as the generated columns "unitX", "unitY", "unitZ" of Project hold it. */
export function unitVector(point: { lat: number; lon: number }): [number, number, number] {
  const [lat, lon] = [(point.lat * Math.PI) / 180, (point.lon * Math.PI) / 180];
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
}

/**
 * One page of the nearest open projects with room (the list pages through at most NEAR_LIMIT; past
 * its end, the first page). Fast with thousands of projects and a million applications: the GiST
 * index "Project_open_nearest_idx" hands out open projects nearest first, their open places (from
 * the positions' places taken) are summed one by one until NEAR_LIMIT with room are found ("offset
 * 0" sums each once), and only the page's five get their names and great-circle distance.
 */
type NearParams = {
  x: number;
  y: number;
  z: number;
  requested: number;
  lat: number;
  lon: number;
  professionIds: number[];
  kind: WorkKindName | null;
};

/** Near me, one statement per combination of filters, each compiled once (the sizes as literals, each value once). */
function nearStatement(on: FiltersOn) {
  const [limit, pageSize] = [sql.lit(NEAR_LIMIT), sql.lit(PAGE_SIZE)];
  return prepared((p: NearParams) =>
    q
      .with(
        (cte) => cte("near").materialized(),
        (db) =>
          db
            .selectFrom((inner) =>
              inner
                .selectFrom("Project as p")
                .innerJoinLateral(ROOM, (join) => join.onTrue())
                .select([
                  "p.id",
                  "room.places",
                  sql<number>`${UNIT_POINT} <-> cube(array[${p.x}, ${p.y}, ${p.z}]::float8[])`.as("away"),
                ])
                .where(OPEN)
                .where(filterSql(on, p))
                .where("room.places", ">", sql.lit(0))
                .orderBy("away")
                .orderBy("p.id")
                .limit(limit)
                .as("nearest"),
            )
            .select(["nearest.id", "nearest.places", sql<number>`row_number() over (order by away, id)`.as("n")]),
      )
      .with("found", (db) => db.selectFrom("near").select(sql<number>`count(*)::int`.as("found")))
      .with("chosen", (db) =>
        db
          .selectFrom("found")
          .select(
            sql<number>`case when ${p.requested}::int > ceil(found / ${pageSize}::numeric) then 1 else greatest(1, ${p.requested}::int) end`.as(
              "page",
            ),
          ),
      )
      .selectFrom(["found", "chosen"])
      .leftJoin("near", (join) =>
        join.on(sql<boolean>`near.n > (chosen.page - 1) * ${pageSize} and near.n <= chosen.page * ${pageSize}`),
      )
      .leftJoin("Project as p", "p.id", "near.id")
      .leftJoin("District as d", "d.id", "p.districtId")
      .select([
        "found.found",
        "chosen.page",
        "p.id",
        "p.nameKk",
        "p.nameRu",
        "d.nameKk as districtKk",
        "d.nameRu as districtRu",
        "near.places as openPlaces",
        distance(p.lat, p.lon).as("distanceKm"),
      ])
      .orderBy("near.n"),
  );
}
const nearStatements = new Map<string, ReturnType<typeof nearStatement>>();

export async function nearestOpenProjects(
  store: Store,
  point: { lat: number; lon: number },
  requested = 1,
  query: ListQuery = {},
): Promise<ProjectPage> {
  const [x, y, z] = unitVector(point);
  // Each value once, and the sizes as literals: the plan PostgreSQL keeps for the prepared statement
  // must not look dearer than planning anew, or it plans every call anew (the point given twice
  // made two different orders of it, "limit $1" an unknown size).
  const on = filtersOn(query);
  if (!nearStatements.has(variant(on))) nearStatements.set(variant(on), nearStatement(on));
  const rows = await store.all(
    nearStatements.get(variant(on))!({
      x,
      y,
      z,
      requested,
      lat: point.lat,
      lon: point.lon,
      professionIds: query.professionIds ?? [],
      kind: query.kind ?? null,
    }),
  );
  const { found, page } = rows[0]!;
  const items: ProjectListItem[] = rows.flatMap(
    ({ id, nameKk, nameRu, districtKk, districtRu, openPlaces, distanceKm }) =>
      id === null ||
      nameKk === null ||
      nameRu === null ||
      districtKk === null ||
      districtRu === null ||
      openPlaces === null
        ? []
        : [{ id, nameKk, nameRu, districtKk, districtRu, openPlaces, distanceKm }],
  );
  return { items, page, pages: Math.max(1, Math.ceil(found / PAGE_SIZE)) };
}

/** A district's open projects, one statement per combination of filters, each compiled once. */
function districtStatement(on: FiltersOn) {
  return prepared((p: { districtId: number; professionIds: number[]; kind: WorkKindName | null }) =>
    q
      .selectFrom((db) =>
        db
          .selectFrom("Project as p")
          .innerJoin("District as d", "d.id", "p.districtId")
          .select([
            "p.id",
            "p.nameKk",
            "p.nameRu",
            "d.nameKk as districtKk",
            "d.nameRu as districtRu",
            OPEN_PLACES.as("openPlaces"),
            sql<number | null>`null::float`.as("distanceKm"),
          ])
          .where(OPEN)
          .where("p.districtId", "=", p.districtId)
          .where(filterSql(on, p))
          .as("open_projects"),
      )
      .selectAll()
      .where("openPlaces", ">", sql.lit(0))
      .orderBy("id"),
  );
}
const districtStatements = new Map<string, ReturnType<typeof districtStatement>>();

export async function openProjectsInDistrict(
  store: Store,
  districtId: number,
  requested = 1,
  query: ListQuery = {},
): Promise<ProjectPage> {
  const on = filtersOn(query);
  if (!districtStatements.has(variant(on))) districtStatements.set(variant(on), districtStatement(on));
  const rows: ProjectListItem[] = await store.all(
    districtStatements.get(variant(on))!({
      districtId,
      professionIds: query.professionIds ?? [],
      kind: query.kind ?? null,
    }),
  );
  return pageOf(rows, requested);
}

export interface CardPosition {
  id: number;
  count: number;
  monthlyWage: number;
  suitableForMinors: boolean;
  profession: { nameKk: string; nameRu: string };
  /** Places taken: active referrals (referred or hired). */
  taken: number;
}

export interface ProjectCard {
  id: number;
  nameKk: string;
  nameRu: string;
  objectGroup: ObjectGroup;
  workKind: WorkKind;
  status: ProjectStatus;
  districtId: number;
  estimatedCost: bigint;
  startDate: Date;
  endDate: Date;
  plannedJobs: number;
  permanentJobs: number;
  averageWage: number;
  quotaPercent: number;
  commissionedAt: Date | null;
  lat: number;
  lon: number;
  district: { nameKk: string; nameRu: string; region: { nameKk: string; nameRu: string } };
  contractor: { name: string } | null;
  /** Referrals issued under the quota (referred or hired). */
  referred: number;
  positions: CardPosition[];
}

/** Read on every step of applying: compiled once (the positions as JSON: a typed fragment). */
const cardStatement = prepared((p: { id: number }) =>
  q
    .selectFrom("Project as p")
    .innerJoin("District as d", "d.id", "p.districtId")
    .innerJoin("Region as r", "r.id", "d.regionId")
    .leftJoin("Contractor as c", "c.id", "p.contractorId")
    .select([
      "p.id",
      "p.nameKk",
      "p.nameRu",
      "p.objectGroup",
      "p.workKind",
      "p.status",
      "p.districtId",
      "p.estimatedCost",
      "p.startDate",
      "p.endDate",
      "p.plannedJobs",
      "p.permanentJobs",
      "p.averageWage",
      "p.quotaPercent",
      "p.commissionedAt",
      "p.lat",
      "p.lon",
      "d.nameKk as districtKk",
      "d.nameRu as districtRu",
      "r.nameKk as regionKk",
      "r.nameRu as regionRu",
      "c.name as contractor",
      sql<
        CardPosition[]
      >`coalesce((select json_agg(json_build_object('id', s.id, 'count', s.count, 'monthlyWage', s."monthlyWage",
        'suitableForMinors', s."suitableForMinors", 'profession', json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu"),
        'taken', s.taken)
      order by s.id)
      from "Position" s join "Profession" f on f.id = s."professionId" where s."projectId" = p.id), '[]')`.as(
        "positions",
      ),
    ])
    .where("p.id", "=", p.id),
);

/** A project with its place, contractor and positions, in one query (seekers open it on every step). */
export async function projectCard(store: Store, id: number): Promise<ProjectCard | null> {
  const [row] = await store.all(cardStatement({ id }));
  if (!row) return null;
  const { districtKk, districtRu, regionKk, regionRu, contractor, ...project } = row;
  return {
    ...project,
    district: { nameKk: districtKk, nameRu: districtRu, region: { nameKk: regionKk, nameRu: regionRu } },
    contractor: contractor === null ? null : { name: contractor },
    referred: row.positions.reduce((sum, position) => sum + position.taken, 0),
  };
}

export const regions = (store: Store) => store.db.region.findMany({ orderBy: { kato: "asc" } });
export const districtsOf = (store: Store, regionId: number) =>
  store.db.district.findMany({ where: { regionId }, orderBy: { kato: "asc" } });

const professionsStatement = prepared((p: { userId: number }) =>
  q
    .selectFrom("SeekerProfile as pr")
    .select(({ selectFrom }) =>
      sql<
        number[]
      >`array(${selectFrom("SeekerProfession as sp").select("sp.professionId").whereRef("sp.profileId", "=", "pr.id").orderBy("sp.professionId")})`.as(
        "ids",
      ),
    )
    .where("pr.userId", "=", p.userId)
    .where("pr.anyWork", "=", false),
);

/** The professions a person's "my professions" filter uses: none for "any work" or no profile. */
export async function filterProfessions(store: Store, userId: number | undefined): Promise<number[]> {
  if (!userId) return [];
  const [row] = await store.all(professionsStatement({ userId }));
  return row?.ids ?? [];
}
