// The programme's 2020–2021 as the demo data replays it: for every project that started, the people
// who applied through the employment centre month by month — hired (about half of the jobs, as the
// 2020 plan asked), rejected, not showing up, withdrawing — with their priority groups and referral
// numbers. Deterministic: the same seed gives the same rows. The figures it is held to are in
// prisma/data/demo-targets.ts (HISTORY), from the seeds.
import { HISTORY } from "../../../prisma/data/demo-targets.js";
import { commissionedJobsForCentre } from "../../domain/quota.js";
import { PROGRAMME_START } from "../../domain/rules.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import type { Random } from "./random.js";

export interface HistoryProject {
  id: number;
  districtId: number;
  regionCode: string;
  plannedJobs: number;
  permanentJobs: number;
  startDate: Date;
  endDate: Date;
  started: boolean;
  commissionedAt: Date | null;
}

export interface HistoryPosition {
  id: number;
  projectId: number;
  count: number;
  monthlyWage: number;
}

type Outcome = "hired" | "rejected" | "no_show" | "withdrawn";

export interface HistoryApplication {
  projectId: number;
  positionId: number;
  districtId: number;
  regionCode: string;
  status: Outcome;
  priorityGroup: 0 | 1;
  isYouth: boolean;
  isNeet: boolean;
  isStudent: boolean;
  submittedAt: Date;
  referredAt: Date | null;
  contractDate: Date | null;
  hiredAt: Date | null;
  closedAt: Date;
  wage: number | null;
  rejectReason: "requirements" | "did_not_come" | "position_filled" | null;
}

const DAY_MS = 86_400_000;
const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const addMonths = (date: Date, months: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
/** Nobody applied before the programme was approved. */
const FIRST_DAY = new Date(`${PROGRAMME_START}T00:00:00Z`);
const latest = (a: Date, b: Date) => (a > b ? a : b);
const earliest = (a: Date, b: Date) => (a < b ? a : b);
/** A working-hours moment of the day (Almaty is UTC+5: 09:00–18:00 there). */
const during = (random: Random, day: Date) => new Date(day.getTime() + random.int(4 * 60, 13 * 60) * 60_000);

/** The months of a project's works, first to last, and its jobs in each (as its monthly figures split them). */
export function worksMonths(
  project: Pick<HistoryProject, "startDate" | "endDate" | "plannedJobs">,
): Array<{ month: Date; jobs: number }> {
  const first = monthStart(project.startDate);
  const n =
    (project.endDate.getUTCFullYear() - first.getUTCFullYear()) * 12 +
    project.endDate.getUTCMonth() -
    first.getUTCMonth() +
    1;
  const jobs = project.plannedJobs;
  return Array.from({ length: n }, (_, i) => ({
    month: addMonths(first, i),
    jobs: Math.floor((jobs * (i + 1)) / n) - Math.floor((jobs * i) / n),
  }));
}

/** Whole parts of `total` in proportion to `weights` (cumulative rounding: they add up exactly). */
function proportional(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let before = 0;
  let cumulative = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = sum ? Math.floor((total * cumulative) / sum) : 0;
    const part = upTo - before;
    before = upTo;
    return part;
  });
}

/** The share of a project's jobs filled through the centre: most projects above the quota, a few below it. */
export function centreShare(random: Random, regionCode: string): number {
  if (random.next() < HISTORY.shortOfQuotaShare) return 0.05 + random.next() * 0.12;
  const mean = HISTORY.centreShareByRegion[regionCode] ?? HISTORY.centreShare;
  return mean - 0.06 + random.next() * 0.12;
}

function person(random: Random) {
  const priority = random.next() < HISTORY.priorityGroupShare;
  const isYouth = priority && random.next() < HISTORY.youthInPriorityGroup;
  return {
    priorityGroup: (priority ? PRIORITY_GROUP : 1) as 0 | 1,
    isYouth,
    isNeet: isYouth && random.next() < HISTORY.neetAmongYouth,
    isStudent: priority && !isYouth,
  };
}

/**
 * The applications of one project: `hires` hired in proportion to the jobs of each month (and to
 * each position's places, so that no position is over-filled), then the rejected, no-shows and
 * withdrawals of the same months; after commissioning, the centre's part of the permanent jobs.
 */
export function projectHistory(
  random: Random,
  project: HistoryProject,
  positions: HistoryPosition[],
  share: number,
): HistoryApplication[] {
  const months = worksMonths(project);
  const hires = Math.min(project.plannedJobs, Math.round(project.plannedJobs * share));
  const perMonth = proportional(
    hires,
    months.map((m) => m.jobs),
  );
  const placesTaken = new Map(positions.map((p) => [p.id, 0]));
  const slots = positions.flatMap((p) => Array.from({ length: p.count }, () => p));
  const applications: HistoryApplication[] = [];
  const base = { projectId: project.id, districtId: project.districtId, regionCode: project.regionCode };
  const dayIn = (month: Date) => {
    const first = month < project.startDate ? project.startDate : month;
    const last = addDays(addMonths(month, 1), -1);
    return addDays(first, random.int(0, Math.max(0, Math.round((last.getTime() - first.getTime()) / DAY_MS))));
  };
  const hire = (contractDay: Date, position: HistoryPosition) => {
    const submittedAt = during(random, latest(addDays(contractDay, -random.int(8, 24)), FIRST_DAY));
    const referredAt = during(random, earliest(addDays(submittedAt, random.int(1, 5)), contractDay));
    placesTaken.set(position.id, placesTaken.get(position.id)! + 1);
    applications.push({
      ...base,
      positionId: position.id,
      status: "hired",
      ...person(random),
      submittedAt,
      referredAt,
      contractDate: contractDay,
      hiredAt: during(random, addDays(contractDay, 1)),
      closedAt: during(random, addDays(contractDay, 1)),
      wage: position.monthlyWage,
      rejectReason: null,
    });
  };

  let index = 0;
  months.forEach((month, k) => {
    for (let i = 0; i < perMonth[k]!; i++, index++)
      hire(dayIn(month.month), slots[Math.floor((index * slots.length) / Math.max(hires, 1))]!);
  });

  const others: Array<[Outcome, number]> = [
    ["rejected", Math.round(hires * HISTORY.rejectedPerHire)],
    ["no_show", Math.round(hires * HISTORY.noShowPerHire)],
    ["withdrawn", Math.round(hires * HISTORY.withdrawnPerHire)],
  ];
  for (const [status, count] of others) {
    const spread = proportional(
      count,
      months.map((m) => m.jobs),
    );
    months.forEach((month, k) => {
      for (let i = 0; i < spread[k]!; i++) {
        const submittedAt = during(random, latest(addDays(dayIn(month.month), -random.int(3, 12)), FIRST_DAY));
        const referredAt = status === "no_show" ? during(random, addDays(submittedAt, random.int(1, 4))) : null;
        const closedAt = during(random, addDays(referredAt ?? submittedAt, random.int(2, 9)));
        applications.push({
          ...base,
          positionId: random.pick(positions).id,
          status,
          ...person(random),
          submittedAt,
          referredAt,
          contractDate: null,
          hiredAt: null,
          closedAt,
          wage: null,
          rejectReason:
            status === "rejected" ? random.pick(["requirements", "did_not_come", "position_filled"] as const) : null,
        });
      }
    });
  }

  // 002: after commissioning the centre fills its part of the permanent jobs; a few objects fall short.
  if (project.commissionedAt && project.permanentJobs > 0 && random.next() >= HISTORY.commissionedShortShare) {
    const due = commissionedJobsForCentre(project.permanentJobs);
    const month = addMonths(project.commissionedAt, 0);
    for (let i = 0; i < due; i++) {
      const position = positions.find((p) => placesTaken.get(p.id)! < p.count);
      if (!position) break;
      const day = addDays(
        project.commissionedAt,
        random.int(
          1,
          Math.max(1, Math.round((addMonths(month, 1).getTime() - project.commissionedAt.getTime()) / DAY_MS)),
        ),
      );
      hire(day, position);
    }
  }
  return applications;
}
