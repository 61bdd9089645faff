// Whose districts a report covers. Staff: their centres' districts; admins: a region or the
// country. Checked here again, whatever the button said.
import type { SqlRunner, Store } from "../../db/store.js";
import { sql } from "kysely";
import { q } from "../../db/typed.js";
import { assertAdmin } from "../centres.js";
import { NotAllowedError, staffDistrictIds } from "../staff.js";
import type { DistrictFilter, Named } from "./monthly-report.js";

export type ReportScope = { kind: "mine" } | { kind: "country" } | { kind: "region"; regionId: number };

export interface ResolvedScope {
  districtIds: DistrictFilter;
  /** null: the whole country */
  name: Named | null;
  /** For file names: "kz", "region-5", "centre-3" */
  slug: string;
}

const joinNames = (names: Named[]): Named => ({
  nameKk: names.map((n) => n.nameKk).join(", "),
  nameRu: names.map((n) => n.nameRu).join(", "),
});

export const COUNTRY_SCOPE: ResolvedScope = { districtIds: null, name: null, slug: "kz" };

export async function centreScope(runner: SqlRunner, centreId: number): Promise<ResolvedScope | null> {
  const [centre] = await runner.all(
    q
      .selectFrom("EmploymentCentre as c")
      .select(({ selectFrom }) => [
        "c.id",
        "c.nameKk",
        "c.nameRu",
        sql<
          number[]
        >`array(${selectFrom("CentreDistrict").select("districtId").whereRef("centreId", "=", "c.id").orderBy("districtId")})`.as(
          "districtIds",
        ),
      ])
      .where("c.id", "=", centreId),
  );
  if (!centre) return null;
  return {
    districtIds: centre.districtIds,
    name: { nameKk: centre.nameKk, nameRu: centre.nameRu },
    slug: `centre-${centre.id}`,
  };
}

export async function resolveScope(store: Store, userId: number, scope: ReportScope): Promise<ResolvedScope> {
  if (scope.kind === "mine") {
    const districtIds = await staffDistrictIds(store, userId);
    if (districtIds.length === 0) throw new NotAllowedError();
    const centres = await store.db.employmentCentre.findMany({
      where: { staff: { some: { userId } } },
      orderBy: { id: "asc" },
    });
    return {
      districtIds,
      name: joinNames(centres),
      slug: centres.length === 1 ? `centre-${centres[0]!.id}` : "centres",
    };
  }
  await assertAdmin(store, userId);
  if (scope.kind === "country") return COUNTRY_SCOPE;
  const region = await store.db.region.findUnique({
    where: { id: scope.regionId },
    include: { districts: { select: { id: true } } },
  });
  if (!region) throw new NotAllowedError();
  return { districtIds: region.districts.map((d) => d.id), name: region, slug: `region-${region.id}` };
}
