// Deterministic demo data at the programme's scale (figures: prisma/data/demo-targets.ts).
import { PROFESSIONS } from "../../../prisma/data/professions.js";
import { REGION_TARGETS } from "../../../prisma/data/demo-targets.js";
import { wageFloor } from "../../domain/rates.js";
import { REFERRAL_QUOTA_PERCENT } from "../../domain/rules.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ProjectStatus, WorkKind } from "../../generated/prisma/enums.js";
import type { Db } from "../client.js";
import { seedCentres } from "./centres.js";
import { OBJECTS, WORK_KIND_NAMES, WORK_KIND_WEIGHTS, contractorName } from "./names.js";
import { createRandom, splitTotal, type Random } from "./random.js";

export const DEMO_SEED = 2020_03_27; // the programme's approval date
const PERMANENT_JOBS_SHARE = 0.4; // of projects: new objects that keep staff after the works
const STATUSES: ReadonlyArray<[ProjectStatus, number]> = [["planned", 15], ["in_progress", 45], ["completed", 25], ["commissioned", 15]];
const CHUNK = 5_000;

function weighted<T>(random: Random, table: ReadonlyArray<[T, number]>): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
  return table[table.length - 1]![0];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addMonths = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Monthly figures of every project that has started: its jobs and cost spread evenly over the
 * months of its works (whole numbers that add up to its planned jobs), so that reports have data.
 */
async function seedDemoFigures(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`
    insert into "MonthlyFigure" ("projectId", month, "workDone", "jobsCreated")
    select p.id, (date_trunc('month', p."startDate") + (k - 1) * interval '1 month')::date,
      (p."estimatedCost" / c.n)::bigint, (p."plannedJobs" * k / c.n - p."plannedJobs" * (k - 1) / c.n)::int
    from "Project" p
      cross join lateral (select ((extract(year from p."endDate") - extract(year from p."startDate")) * 12
        + extract(month from p."endDate") - extract(month from p."startDate") + 1)::int as n) c
      cross join lateral generate_series(1, c.n) k
    where p.status <> 'planned'`;
}

export async function seedDemoData(db: Db): Promise<{ projects: number; positions: number }> {
  const random = createRandom(DEMO_SEED);
  const regions = await db.region.findMany({ include: { districts: { orderBy: { kato: "asc" } } }, orderBy: { kato: "asc" } });
  const professions = await db.profession.findMany({ orderBy: { code: "asc" } });
  const light = new Set(PROFESSIONS.filter((p) => p.light).map((p) => p.code));
  const contractors: Prisma.ContractorCreateManyInput[] = [];
  const projects: Prisma.ProjectCreateManyInput[] = [];
  const positions: Prisma.PositionCreateManyInput[] = [];

  for (const target of REGION_TARGETS) {
    const region = regions.find((r) => r.kato === target.kato);
    if (!region) throw new Error(`region ${target.kato} missing: seed the reference data first`);
    const firstContractor = contractors.length;
    const contractorCount = Math.ceil(target.projects / 4);
    for (let i = 0; i < contractorCount; i++) {
      const id = contractors.length + 1;
      contractors.push({ id, name: contractorName(id - 1), bin: String(100_000_000_000 + id * 7_919), phone: `+7 7${random.int(0, 99).toString().padStart(2, "0")} ${random.int(100, 999)} ${random.int(1000, 9999)}` });
    }
    const jobs = splitTotal(random, target.jobs, target.projects, 5);
    const withPermanent = Math.round(target.projects * PERMANENT_JOBS_SHARE);
    const permanent = splitTotal(random, target.permanentJobs, withPermanent, 1);
    const perDistrict = splitTotal(random, target.projects, region.districts.length, 1);

    let index = 0;
    region.districts.forEach((district, d) => {
      for (let k = 0; k < perDistrict[d]!; k++, index++) {
        const id = projects.length + 1;
        const object = random.pick(OBJECTS);
        const workKind: WorkKind = weighted(random, WORK_KIND_WEIGHTS);
        const earliest = district.validFrom ? district.validFrom : day("2020-04-01");
        const start = addMonths(earliest, random.int(0, district.validFrom ? 5 : 17));
        const end = addMonths(start, random.int(2, 14));
        const projectJobs = jobs[index]!;
        const number = object.numbered ? ` № ${random.int(1, 60)}` : "";
        const work = WORK_KIND_NAMES[workKind];
        const spread = district.kind === "city_district" ? 0.03 : 0.12;
        const professionCount = Math.min(projectJobs, random.int(1, 5));
        const chosen = new Set<number>();
        while (chosen.size < professionCount) chosen.add(random.int(0, professions.length - 1));
        const counts = splitTotal(random, projectJobs, professionCount, 1);
        let payroll = 0;
        [...chosen].forEach((p, i) => {
          const profession = professions[p]!;
          const monthlyWage = wageFloor(start) + random.int(0, 350) * 500;
          payroll += monthlyWage * counts[i]!;
          positions.push({ projectId: id, professionId: profession.id, count: counts[i]!, monthlyWage, suitableForMinors: light.has(profession.code) });
        });
        projects.push({
          id,
          externalId: `demo-${target.code}-${index + 1}`,
          nameKk: `${object.kk}${number} — ${work.kk}`,
          nameRu: `${object.ru}${number} — ${work.ru}`,
          objectGroup: object.group,
          workKind,
          status: weighted(random, STATUSES),
          districtId: district.id,
          contractorId: firstContractor + 1 + random.int(0, contractorCount - 1),
          estimatedCost: BigInt(projectJobs * random.int(2_600, 5_200) * 1_000),
          startDate: start,
          endDate: end,
          plannedJobs: projectJobs,
          permanentJobs: index < withPermanent ? permanent[index]! : 0,
          averageWage: Math.round(payroll / projectJobs),
          quotaPercent: REFERRAL_QUOTA_PERCENT,
          lat: district.lat + (random.next() - 0.5) * spread,
          lon: district.lon + (random.next() - 0.5) * spread * 1.5,
        });
      }
    });
  }

  await db.$transaction(async (tx) => {
    await insertChunks(contractors, (data) => tx.contractor.createMany({ data }));
    await insertChunks(projects, (data) => tx.project.createMany({ data }));
    await insertChunks(positions, (data) => tx.position.createMany({ data }));
    await tx.$executeRawUnsafe(`select setval(pg_get_serial_sequence('"Contractor"', 'id'), (select max(id) from "Contractor"))`);
    await tx.$executeRawUnsafe(`select setval(pg_get_serial_sequence('"Project"', 'id'), (select max(id) from "Project"))`);
    await seedDemoFigures(tx);
    await seedCentres(tx, random);
  }, { timeout: 120_000 });
  return { projects: projects.length, positions: positions.length };
}
