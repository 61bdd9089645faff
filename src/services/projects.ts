// Finding the programme's open projects: near a point, or in a district; and one project's card.
import type { Store } from "../db/store.js";
import { Prisma } from "../generated/prisma/client.js";
import type { ObjectGroup, ProjectStatus, WorkKind } from "../generated/prisma/enums.js";
import { EARTH_RADIUS_KM } from "../domain/geo.js";

export const PAGE_SIZE = 5;

export const WORK_KINDS = ["construction", "capital_repair", "medium_repair", "current_repair", "reconstruction", "modular", "temporary"] as const;
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

function filterSql(query: ListQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (query.professionIds?.length) {
    parts.push(Prisma.sql`exists (select 1 from "Position" s where s."projectId" = p.id and s."professionId" = any(${query.professionIds}::int[]))`);
  }
  if (query.kind) parts.push(Prisma.sql`p."workKind" = ${query.kind}::"WorkKind"`);
  return parts.length ? Prisma.join(parts, " and ") : Prisma.sql`true`;
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
export const OPEN_PLACES = Prisma.sql`(
  select coalesce(sum(greatest(s.count - s.taken, 0)), 0)::int from "Position" s where s."projectId" = p.id)`;
/**
 * isOpenStatus (src/domain/project-status.ts) in SQL, for a project aliased "p". Written out
 * rather than passed as a parameter: the partial indexes on open projects are chosen only when a
 * query's condition matches their predicate literally.
 */
export const OPEN = Prisma.sql`p.status in ('planned', 'in_progress')`;

export const distance = (lat: number, lon: number) => Prisma.sql`(2 * ${Prisma.raw(String(EARTH_RADIUS_KM))} * asin(sqrt(
  power(sin(radians(p.lat - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(p.lat)) * power(sin(radians(p.lon - ${lon}) / 2), 2))))`;

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
export async function nearestOpenProjects(store: Store, point: { lat: number; lon: number }, requested = 1, query: ListQuery = {}): Promise<ProjectPage> {
  const [x, y, z] = unitVector(point);
  // Each value once, and the sizes as literals: the plan PostgreSQL keeps for the prepared statement
  // must not look dearer than planning anew, or it plans every call anew (the point given twice
  // made two different orders of it, "limit $1" an unknown size).
  const [limit, pageSize] = [Prisma.raw(String(NEAR_LIMIT)), Prisma.raw(String(PAGE_SIZE))];
  const rows = await store.rows<Omit<ProjectListItem, "id"> & { id: number | null; found: number; page: number }>(Prisma.sql`
    with near as materialized (
      select id, places, row_number() over (order by away, id) as n from (
        select p.id, room.places, cube(array[p."unitX", p."unitY", p."unitZ"]) <-> cube(array[${x}, ${y}, ${z}]::float8[]) as away
        from "Project" p cross join lateral (select ${OPEN_PLACES} as places offset 0) room
        where ${OPEN} and ${filterSql(query)} and room.places > 0
        order by away, p.id
        limit ${limit}) nearest),
    found as (select count(*)::int as found from near),
    chosen as (select case when ${requested}::int > ceil(found / ${pageSize}::numeric) then 1 else greatest(1, ${requested}::int) end as page from found)
    select found.found, chosen.page, p.id, p."nameKk", p."nameRu", d."nameKk" as "districtKk", d."nameRu" as "districtRu",
           near.places as "openPlaces", ${distance(point.lat, point.lon)}::float as "distanceKm"
    from found cross join chosen
      left join near on near.n > (chosen.page - 1) * ${pageSize} and near.n <= chosen.page * ${pageSize}
      left join "Project" p on p.id = near.id left join "District" d on d.id = p."districtId"
    order by near.n`);
  const { found, page } = rows[0]!;
  const items = rows.flatMap(({ found: _found, page: _page, id, ...item }) => (id === null ? [] : [{ id, ...item }]));
  return { items, page, pages: Math.max(1, Math.ceil(found / PAGE_SIZE)) };
}

export async function openProjectsInDistrict(store: Store, districtId: number, requested = 1, query: ListQuery = {}): Promise<ProjectPage> {
  const rows = await store.rows<ProjectListItem>(Prisma.sql`
    select * from (
      select p.id, p."nameKk", p."nameRu", d."nameKk" as "districtKk", d."nameRu" as "districtRu",
             ${OPEN_PLACES} as "openPlaces", null::float as "distanceKm"
      from "Project" p join "District" d on d.id = p."districtId"
      where ${OPEN} and p."districtId" = ${districtId} and ${filterSql(query)}
    ) open_projects
    where "openPlaces" > 0 order by id`);
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

type CardRow = Omit<ProjectCard, "district" | "contractor" | "referred"> & {
  districtKk: string; districtRu: string; regionKk: string; regionRu: string; contractor: string | null;
};

/** A project with its place, contractor and positions, in one query (seekers open it on every step). */
export async function projectCard(store: Store, id: number): Promise<ProjectCard | null> {
  const [row] = await store.rows<CardRow>(Prisma.sql`
    select p.id, p."nameKk", p."nameRu", p."objectGroup"::text as "objectGroup", p."workKind"::text as "workKind", p.status::text as status,
           p."districtId", p."estimatedCost", p."startDate", p."endDate", p."plannedJobs", p."permanentJobs", p."averageWage",
           p."quotaPercent", p."commissionedAt", p.lat, p.lon,
           d."nameKk" as "districtKk", d."nameRu" as "districtRu", r."nameKk" as "regionKk", r."nameRu" as "regionRu", c.name as contractor,
           coalesce((select json_agg(json_build_object('id', s.id, 'count', s.count, 'monthlyWage', s."monthlyWage",
               'suitableForMinors', s."suitableForMinors", 'profession', json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu"),
               'taken', s.taken)
             order by s.id)
             from "Position" s join "Profession" f on f.id = s."professionId" where s."projectId" = p.id), '[]') as positions
    from "Project" p join "District" d on d.id = p."districtId" join "Region" r on r.id = d."regionId"
      left join "Contractor" c on c.id = p."contractorId"
    where p.id = ${id}`);
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
export const districtsOf = (store: Store, regionId: number) => store.db.district.findMany({ where: { regionId }, orderBy: { kato: "asc" } });

/** The professions a person's "my professions" filter uses: none for "any work" or no profile. */
export async function filterProfessions(store: Store, userId: number | undefined): Promise<number[]> {
  if (!userId) return [];
  const [row] = await store.rows<{ ids: number[] }>(Prisma.sql`
    select array(select sp."professionId" from "SeekerProfession" sp where sp."profileId" = pr.id order by 1) as ids
    from "SeekerProfile" pr where pr."userId" = ${userId} and not pr."anyWork"`);
  return row?.ids ?? [];
}
