// A small hand-built data set for the monthly report of May 2021, whose answers are worked out by
// hand in test/integration/monthly-report.test.ts.
import type { Db } from "../../src/db/store.js";
import type { ApplicationStatus, ObjectGroup, ProjectStatus, WorkKind } from "../../src/generated/prisma/enums.js";

import { ALMALY, BOSTANDYK, KYZYLORDA_CITY } from "./places.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface ProjectSpec {
  key: string;
  district: string;
  group: ObjectGroup;
  kind: WorkKind;
  status: ProjectStatus;
  start: string;
  end: string;
  jobs: number;
  permanent: number;
  contractor: string;
  commissionedAt?: string;
}

const PROJECTS: ProjectSpec[] = [
  {
    key: "P1",
    district: ALMALY,
    group: "social",
    kind: "construction",
    status: "in_progress",
    start: "2021-05-10",
    end: "2021-12-31",
    jobs: 50,
    permanent: 10,
    contractor: "ТОО «Алатау Құрылыс»",
  },
  {
    key: "P2",
    district: ALMALY,
    group: "utilities",
    kind: "capital_repair",
    status: "completed",
    start: "2021-02-01",
    end: "2021-05-20",
    jobs: 12,
    permanent: 0,
    contractor: "ТОО «Алатау Құрылыс»",
  },
  {
    key: "P3",
    district: BOSTANDYK,
    group: "housing",
    kind: "reconstruction",
    status: "commissioned",
    start: "2020-06-01",
    end: "2021-04-15",
    jobs: 30,
    permanent: 8,
    contractor: "ТОО «Бостандық»",
    commissionedAt: "2021-04-20",
  },
  {
    key: "P4",
    district: BOSTANDYK,
    group: "social",
    kind: "construction",
    status: "planned",
    start: "2021-07-01",
    end: "2022-01-01",
    jobs: 20,
    permanent: 5,
    contractor: "ТОО «Бостандық»",
  },
  {
    key: "P5",
    district: KYZYLORDA_CITY,
    group: "water_works",
    kind: "medium_repair",
    status: "in_progress",
    start: "2021-03-01",
    end: "2021-10-01",
    jobs: 40,
    permanent: 0,
    contractor: "ТОО «Сырдария»",
  },
];

const FIGURES: Array<[project: string, month: string, workDone: number, jobs: number]> = [
  ["P1", "2021-05-01", 10_000_000, 20],
  ["P1", "2021-06-01", 4_000_000, 7], // after the month
  ["P2", "2021-04-01", 2_000_000, 6],
  ["P2", "2021-05-01", 5_000_000, 4],
  ["P5", "2021-04-01", 1_000_000, 5],
  ["P5", "2021-05-01", 3_000_000, 10],
];

interface ApplicationSpec {
  project: string;
  status: ApplicationStatus;
  referredAt?: string;
  contractDate?: string;
  wage?: number;
}

const APPLICATIONS: ApplicationSpec[] = [
  { project: "P1", status: "hired", referredAt: "2021-05-12", contractDate: "2021-05-15", wage: 150_000 },
  { project: "P1", status: "hired", referredAt: "2021-05-12", contractDate: "2021-05-25", wage: 110_000 },
  { project: "P1", status: "referred", referredAt: "2021-05-20" },
  { project: "P1", status: "referred", referredAt: "2021-06-02" }, // after the month
  { project: "P1", status: "submitted" },
  { project: "P1", status: "rejected" },
  { project: "P2", status: "hired", referredAt: "2021-04-05", contractDate: "2021-04-10", wage: 100_000 },
  { project: "P3", status: "hired", referredAt: "2021-04-25", contractDate: "2021-05-03", wage: 130_000 }, // after commissioning
  { project: "P3", status: "hired", referredAt: "2021-03-25", contractDate: "2021-04-01", wage: 90_000 },
  { project: "P5", status: "hired", referredAt: "2021-05-01", contractDate: "2021-05-05", wage: 200_000 },
];

/** Makes the data set; returns the project ids by key. */
export async function addReportData(db: Db): Promise<Record<string, number>> {
  const mason = await db.profession.findUniqueOrThrow({ where: { code: "mason" } });
  const ids: Record<string, number> = {};
  const positions: Record<string, number> = {};
  const contractors = new Map<string, number>();
  for (const spec of PROJECTS) {
    const district = await db.district.findUniqueOrThrow({ where: { kato: spec.district } });
    const contractorId =
      contractors.get(spec.contractor) ?? (await db.contractor.create({ data: { name: spec.contractor } })).id;
    contractors.set(spec.contractor, contractorId);
    const project = await db.project.create({
      data: {
        nameKk: `${spec.key} жобасы`,
        nameRu: `Проект ${spec.key}`,
        objectGroup: spec.group,
        workKind: spec.kind,
        status: spec.status,
        districtId: district.id,
        contractorId,
        estimatedCost: 100_000_000n,
        startDate: day(spec.start),
        endDate: day(spec.end),
        plannedJobs: spec.jobs,
        permanentJobs: spec.permanent,
        averageWage: 150_000,
        quotaPercent: 20,
        lat: district.lat,
        lon: district.lon,
        commissionedAt: spec.commissionedAt ? day(spec.commissionedAt) : null,
        positions: { create: { professionId: mason.id, count: spec.jobs, monthlyWage: 150_000 } },
      },
      include: { positions: true },
    });
    ids[spec.key] = project.id;
    positions[spec.key] = project.positions[0]!.id;
  }
  await db.monthlyFigure.createMany({
    data: FIGURES.map(([key, month, workDone, jobs]) => ({
      projectId: ids[key]!,
      month: day(month),
      workDone: BigInt(workDone),
      jobsCreated: jobs,
    })),
  });
  await db.application.createMany({
    data: APPLICATIONS.map((a, i) => ({
      number: `TEST-${i + 1}`,
      projectId: ids[a.project]!,
      positionId: positions[a.project]!,
      status: a.status,
      priorityGroup: 1,
      submittedAt: day("2021-04-01"),
      referredAt: a.referredAt ? day(a.referredAt) : null,
      referralNumber: a.referredAt ? `REF-${i + 1}` : null,
      contractDate: a.contractDate ? day(a.contractDate) : null,
      wage: a.wage ?? null,
      hiredAt: a.contractDate ? day(a.contractDate) : null,
    })),
  });
  return ids;
}
