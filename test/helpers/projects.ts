// A small hand-built set of projects whose answers are known.
import type { Db } from "../../src/db/store.js";

export async function addProject(
  db: Db,
  input: {
    districtKato: string;
    name: string;
    lat: number;
    lon: number;
    jobs?: number;
    status?: "planned" | "in_progress" | "completed" | "commissioned";
    positions?: Array<{ code: string; count: number; wage?: number; minors?: boolean }>;
  },
) {
  const district = await db.district.findUniqueOrThrow({ where: { kato: input.districtKato } });
  const positions = input.positions ?? [{ code: "mason", count: input.jobs ?? 10 }];
  const jobs = positions.reduce((sum, p) => sum + p.count, 0);
  const contractor = await db.contractor.create({ data: { name: `ТОО «${input.name}-Строй»` } });
  const professions = await db.profession.findMany({ where: { code: { in: positions.map((p) => p.code) } } });
  return db.project.create({
    data: {
      nameKk: `${input.name} (kk)`,
      nameRu: input.name,
      objectGroup: "social",
      workKind: "capital_repair",
      status: input.status ?? "in_progress",
      districtId: district.id,
      contractorId: contractor.id,
      estimatedCost: 150_000_000n,
      startDate: new Date("2021-04-01"),
      endDate: new Date("2021-11-30"),
      plannedJobs: jobs,
      permanentJobs: 3,
      averageWage: 120_000,
      quotaPercent: 20,
      lat: input.lat,
      lon: input.lon,
      positions: {
        create: positions.map((p) => ({
          professionId: professions.find((f) => f.code === p.code)!.id,
          count: p.count,
          monthlyWage: p.wage ?? 120_000,
          suitableForMinors: p.minors ?? false,
        })),
      },
    },
    include: { positions: true },
  });
}
