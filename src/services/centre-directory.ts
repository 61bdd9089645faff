// How an admin finds a centre among hundreds: by region (a centre belongs to the regions of its
// districts), or by a part of its name in either language; every list in pages.
import type { Store } from "../db/store.js";
import { sql } from "kysely";
import type { Prisma } from "../generated/prisma/client.js";
import { q } from "../db/typed.js";

export const CENTRES_PAGE_SIZE = 10;

export interface CentreLine {
  id: number;
  nameKk: string;
  nameRu: string;
  staff: number;
}

export interface CentrePage {
  items: CentreLine[];
  /** The page shown: the last one when a later one was asked for. */
  page: number;
  pages: number;
  total: number;
}

export interface RegionCentres {
  id: number;
  nameKk: string;
  nameRu: string;
  centres: number;
}

/** The 17 regions with how many centres cover each; centres that cover no district yet come as a count of their own. */
export async function regionsWithCentres(
  store: Store,
): Promise<{ regions: RegionCentres[]; withoutDistricts: number }> {
  const regions: RegionCentres[] = await store.all(
    q
      .selectFrom("Region as r")
      .select(({ selectFrom }) => [
        "r.id",
        "r.nameKk",
        "r.nameRu",
        selectFrom("CentreDistrict as cd")
          .innerJoin("District as d", "d.id", "cd.districtId")
          .whereRef("d.regionId", "=", "r.id")
          .select(sql<number>`count(distinct cd."centreId")::int`.as("n"))
          .$asScalar()
          .$notNull()
          .as("centres"),
      ])
      .orderBy("r.kato"),
  );
  const withoutDistricts = await store.db.employmentCentre.count({ where: { districts: { none: {} } } });
  return { regions, withoutDistricts };
}

async function centrePage(
  store: Store,
  where: Prisma.EmploymentCentreWhereInput,
  requested: number,
): Promise<CentrePage> {
  const total = await store.db.employmentCentre.count({ where });
  const pages = Math.max(1, Math.ceil(total / CENTRES_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  const rows = await store.db.employmentCentre.findMany({
    where,
    orderBy: [{ nameRu: "asc" }, { id: "asc" }],
    skip: (page - 1) * CENTRES_PAGE_SIZE,
    take: CENTRES_PAGE_SIZE,
    select: { id: true, nameKk: true, nameRu: true, _count: { select: { staff: true } } },
  });
  return { items: rows.map(({ _count, ...centre }) => ({ ...centre, staff: _count.staff })), page, pages, total };
}

/** The centres covering a district of the region; regionId 0: the centres that cover no district. */
export const centresOfRegion = (store: Store, regionId: number, page: number) =>
  centrePage(
    store,
    regionId === 0 ? { districts: { none: {} } } : { districts: { some: { district: { regionId } } } },
    page,
  );

/** Centres whose Kazakh or Russian name contains the text, whatever its case. */
export const searchCentres = (store: Store, text: string, page: number) =>
  centrePage(
    store,
    { OR: [{ nameKk: { contains: text, mode: "insensitive" } }, { nameRu: { contains: text, mode: "insensitive" } }] },
    page,
  );
