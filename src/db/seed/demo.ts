// Deterministic demo data at the programme's scale (figures: prisma/data/demo-targets.ts).
import { sql } from "kysely";
import { executeIn, q } from "../typed.js";
import { PROFESSIONS } from "../../../prisma/data/professions.js";
import { HISTORY, REGION_TARGETS } from "../../../prisma/data/demo-targets.js";
import { wageFloor } from "../../domain/rates.js";
import { REFERRAL_QUOTA_PERCENT } from "../../domain/rules.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ProjectStatus, WorkKind } from "../../generated/prisma/enums.js";
import type { Db } from "../store.js";
import { seedCentres } from "./centres.js";
import { OBJECTS, WORK_KIND_NAMES, WORK_KIND_WEIGHTS, contractorName } from "./names.js";
import { createRandom, splitTotal, type Random } from "./random.js";
import {
  centreShare,
  projectHistory,
  worksMonths,
  type HistoryApplication,
  type HistoryPosition,
  type HistoryProject,
} from "./history.js";
import { insertHistory } from "./history-rows.js";

export const DEMO_SEED = 2020_03_27; // the programme's approval date
const PERMANENT_JOBS_SHARE = 0.4; // of projects: new objects that keep staff after the works
const STATUSES: ReadonlyArray<[ProjectStatus, number]> = [
  ["planned", 15],
  ["in_progress", 45],
  ["completed", 25],
  ["commissioned", 15],
];
/** Almaty city's projects had all started by the briefing of December 2020 (004). */
const STARTED_STATUSES: ReadonlyArray<[ProjectStatus, number]> = [
  ["in_progress", 45],
  ["completed", 35],
  ["commissioned", 20],
];
/** Of the 2020 plan's projects, this share starts in 2021 (the works that roll over). */
const STARTING_IN_2021 = 0.2;
/**
 * Bind parameters in one createMany statement: beyond about 32,000 Prisma splits the rows into
 * several statements and runs them at once on the transaction's one connection, which pg warns
 * of (and pg 9 will refuse).
 */
const PARAMETERS_PER_STATEMENT = 30_000;

function weighted<T>(random: Random, table: ReadonlyArray<[T, number]>): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addMonths = (date: Date, months: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));

/** How the demo's loading goes: which part, how many of how many rows. */
export type SeedProgress = (part: string, done: number, total: number) => void;

async function insertChunks<T extends object>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  progress?: (done: number) => void,
) {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
    progress?.(Math.min(rows.length, i + size));
  }
}

/**
 * Monthly figures of every project that has started: its jobs and cost spread evenly over the
 * months of its works (whole numbers that add up to its planned jobs), so that reports have data.
 */
async function seedDemoFigures(tx: Prisma.TransactionClient) {
  // The month arithmetic and generate_series: typed fragments.
  await executeIn(
    tx,
    q
      .insertInto("MonthlyFigure")
      .columns(["projectId", "month", "workDone", "jobsCreated"])
      .expression((eb) =>
        eb
          .selectFrom("Project as p")
          .innerJoinLateral(
            (inner) =>
              inner
                .selectFrom(sql`(select 1)`.as("one"))
                .select(
                  sql<number>`((extract(year from p."endDate") - extract(year from p."startDate")) * 12
        + extract(month from p."endDate") - extract(month from p."startDate") + 1)::int`.as("n"),
                )
                .as("c"),
            (join) => join.onTrue(),
          )
          .innerJoinLateral(sql<{ k: number }>`generate_series(1, c.n)`.as("k"), (join) => join.onTrue())
          .select([
            "p.id",
            sql<Date>`(date_trunc('month', p."startDate") + (k - 1) * interval '1 month')::date`.as("month"),
            sql<bigint>`(p."estimatedCost" / c.n)::bigint`.as("workDone"),
            sql<number>`(p."plannedJobs" * k / c.n - p."plannedJobs" * (k - 1) / c.n)::int`.as("jobsCreated"),
          ])
          .where("p.status", "<>", "planned"),
      ),
  );
}

/** The programme's works end with 2021. */
const LAST_MONTH = day("2021-12-01");

/** When a project's works ran: most of the 2020 plan in 2020, a fifth from the spring of 2021; never before its district existed. */
function works(random: Random, validFrom: Date | null) {
  const start = validFrom
    ? addMonths(validFrom, random.int(0, 5))
    : random.next() < STARTING_IN_2021
      ? addMonths(day("2021-03-01"), random.int(0, 5))
      : addMonths(day("2020-04-01"), random.int(0, 8));
  const end = addMonths(start, random.int(1, 11));
  // biome-ignore lint/complexity/useMathMinMax: Dates, which Math.min would turn into numbers
  return { start, end: end > LAST_MONTH ? LAST_MONTH : end };
}

/** Almaty city's works: begun from April to June 2020, six months to a year long. */
function almatyWorks(random: Random) {
  const start = addMonths(day("2020-04-01"), random.int(0, 2));
  return { start, end: addMonths(start, random.int(5, 10)) };
}

export async function seedDemoData(
  db: Db,
  progress: SeedProgress = () => undefined,
): Promise<{ projects: number; positions: number; applications: number }> {
  const random = createRandom(DEMO_SEED);
  const regions = await db.region.findMany({
    include: { districts: { orderBy: { kato: "asc" } } },
    orderBy: { kato: "asc" },
  });
  const professions = await db.profession.findMany({ orderBy: { code: "asc" } });
  const light = new Set(PROFESSIONS.filter((p) => p.light).map((p) => p.code));
  const contractors: Prisma.ContractorCreateManyInput[] = [];
  const projects: Prisma.ProjectCreateManyInput[] = [];
  /** Each project's region code, by position in `projects` (ids are 1, 2, …). */
  const regionCodes: string[] = [];
  const positions: Prisma.PositionCreateManyInput[] = [];

  for (const target of REGION_TARGETS) {
    const region = regions.find((r) => r.kato === target.kato);
    if (!region) throw new Error(`region ${target.kato} missing: seed the reference data first`);
    const firstContractor = contractors.length;
    const contractorCount = Math.ceil(target.projects / 4);
    for (let i = 0; i < contractorCount; i++) {
      const id = contractors.length + 1;
      contractors.push({
        id,
        name: contractorName(id - 1),
        bin: String(100_000_000_000 + id * 7_919),
        phone: `+7 7${random.int(0, 99).toString().padStart(2, "0")} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
      });
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
        const almatyCity = target.kato === HISTORY.almatyCity.kato;
        const { start, end } = almatyCity ? almatyWorks(random) : works(random, district.validFrom);
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
          positions.push({
            projectId: id,
            professionId: profession.id,
            count: counts[i]!,
            monthlyWage,
            suitableForMinors: light.has(profession.code),
          });
        });
        regionCodes.push(target.code);
        projects.push({
          id,
          externalId: `demo-${target.code}-${index + 1}`,
          nameKk: `${object.kk}${number} — ${work.kk}`,
          nameRu: `${object.ru}${number} — ${work.ru}`,
          objectGroup: object.group,
          workKind,
          status: weighted(random, almatyCity ? STARTED_STATUSES : STATUSES),
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

  const history = createRandom(DEMO_SEED + 1); // its own stream: the projects stay the same rows whatever the history draws
  for (const project of projects) {
    if (project.status === "commissioned")
      project.commissionedAt = new Date((project.endDate as Date).getTime() + history.int(10, 40) * 86_400_000);
  }
  const historyProjects: HistoryProject[] = projects.map((p, i) => ({
    id: p.id!,
    districtId: p.districtId,
    regionCode: regionCodes[i]!,
    plannedJobs: p.plannedJobs!,
    permanentJobs: p.permanentJobs ?? 0,
    startDate: p.startDate as Date,
    endDate: p.endDate as Date,
    started: p.status !== "planned",
    commissionedAt: (p.commissionedAt as Date | undefined) ?? null,
  }));
  calibrateAlmatyWorks(historyProjects.filter((p) => p.regionCode === HISTORY.almatyCity.code));
  for (const p of historyProjects) projects[p.id - 1]!.endDate = p.endDate;

  let applications = 0;
  await db.$transaction(
    async (tx) => {
      await insertChunks(contractors, (data) => tx.contractor.createMany({ data }));
      await insertChunks(
        projects,
        (data) => tx.project.createMany({ data }),
        (done) => progress("projects", done, projects.length),
      );
      await insertChunks(
        positions,
        (data) => tx.position.createMany({ data }),
        (done) => progress("positions", done, positions.length),
      );
      await tx.$executeRawUnsafe(
        `select setval(pg_get_serial_sequence('"Contractor"', 'id'), (select max(id) from "Contractor"))`,
      );
      await tx.$executeRawUnsafe(
        `select setval(pg_get_serial_sequence('"Project"', 'id'), (select max(id) from "Project"))`,
      );
      await seedDemoFigures(tx);
      await seedCentres(tx, random);
      const saved: HistoryPosition[] = await tx.position.findMany({
        select: { id: true, projectId: true, count: true, monthlyWage: true },
        orderBy: { id: "asc" },
      });
      const regionIds = new Map(
        (await tx.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
      );
      applications = await insertHistory(tx, replayHistory(history, historyProjects, saved), regionIds, (done, total) =>
        progress("applications", done, total),
      );
    },
    { timeout: 180_000 },
  );
  return { projects: projects.length, positions: positions.length, applications };
}

const before = (date: Date, month: Date) => month.getTime() < date.getTime();
const jobsBefore = (project: HistoryProject, date: Date) =>
  worksMonths(project)
    .filter((m) => before(date, m.month))
    .reduce((sum, m) => sum + m.jobs, 0);

/**
 * Almaty city's works lengthened or shortened a month at a time, one project after another, until
 * the jobs created before 1 December 2020 are within half a percent of the briefing's (004).
 */
function calibrateAlmatyWorks(almaty: HistoryProject[]) {
  const by = day(HISTORY.almatyCity.before);
  const target = HISTORY.almatyCity.jobsCreated;
  let created = almaty.reduce((sum, p) => sum + jobsBefore(p, by), 0);
  for (let step = 0; step < 20_000 && Math.abs(created - target) > target * 0.005; step++) {
    const project = almaty[step % almaty.length]!;
    const months = worksMonths(project).length;
    const was = jobsBefore(project, by);
    if (created > target) project.endDate = addMonths(project.endDate, 1);
    else if (months > 2 && project.endDate.getTime() >= by.getTime()) project.endDate = addMonths(project.endDate, -1);
    created += jobsBefore(project, by) - was;
  }
}

/**
 * Every started project's applications. Almaty city's shares of hiring through the centre are
 * scaled so that the hires before 1 December 2020 come to the briefing's (004).
 */
function replayHistory(random: Random, projects: HistoryProject[], positions: HistoryPosition[]): HistoryApplication[] {
  const started = projects.filter((p) => p.started);
  const shares = new Map(started.map((p) => [p.id, centreShare(random, p.regionCode)]));
  const by = day(HISTORY.almatyCity.before);
  const almaty = started.filter((p) => p.regionCode === HISTORY.almatyCity.code);
  const expected = almaty.reduce((sum, p) => sum + shares.get(p.id)! * jobsBefore(p, by), 0);
  const factor = HISTORY.almatyCity.hiredThroughCentre / expected;
  for (const p of almaty) shares.set(p.id, Math.min(0.95, shares.get(p.id)! * factor));
  const byProject = new Map<number, HistoryPosition[]>();
  for (const position of positions)
    byProject.set(position.projectId, [...(byProject.get(position.projectId) ?? []), position]);
  return started.flatMap((p) => projectHistory(random, p, byProject.get(p.id) ?? [], shares.get(p.id)!));
}
