// Per region, the figures of the 2020 plan (../shared/seeds/000…) that the demo data reproduces.
// Fixed by the seeds: projects in Almaty region 977, East Kazakhstan 813, Zhambyl 690,
// Karaganda 625 (and Almaty city 228, seed 004); jobs in Almaty city 26,000, Turkestan 21,900,
// Almaty region 21,000; permanent jobs in Almaty city 2,045, Almaty region 1,830, Turkestan 1,531.
// The other regions share the rest of the national totals (6,500 projects, 255,000 jobs,
// 15,200 permanent jobs), each below the regions the seeds name as the largest.
export interface RegionTarget {
  kato: string;
  code: string; // in referral numbers
  projects: number;
  jobs: number;
  permanentJobs: number;
}

export const DEMO_TOTALS = { projects: 6_500, jobs: 255_000, permanentJobs: 15_200 } as const;

export const REGION_TARGETS: readonly RegionTarget[] = [
  { kato: "110000000", code: "AKM", projects: 300, jobs: 12_000, permanentJobs: 600 },
  { kato: "150000000", code: "AKT", projects: 240, jobs: 11_500, permanentJobs: 650 },
  { kato: "190000000", code: "ALR", projects: 977, jobs: 21_000, permanentJobs: 1_830 },
  { kato: "230000000", code: "ATY", projects: 170, jobs: 9_200, permanentJobs: 560 },
  { kato: "270000000", code: "ZKO", projects: 210, jobs: 8_900, permanentJobs: 500 },
  { kato: "310000000", code: "ZHM", projects: 690, jobs: 18_800, permanentJobs: 850 },
  { kato: "350000000", code: "KAR", projects: 625, jobs: 18_200, permanentJobs: 900 },
  { kato: "390000000", code: "KOS", projects: 330, jobs: 13_300, permanentJobs: 620 },
  { kato: "430000000", code: "KZO", projects: 240, jobs: 10_100, permanentJobs: 640 },
  { kato: "470000000", code: "MAN", projects: 150, jobs: 7_600, permanentJobs: 480 },
  { kato: "550000000", code: "PAV", projects: 270, jobs: 11_400, permanentJobs: 600 },
  { kato: "590000000", code: "SKO", projects: 300, jobs: 9_800, permanentJobs: 500 },
  { kato: "610000000", code: "TUR", projects: 600, jobs: 21_900, permanentJobs: 1_531 },
  { kato: "630000000", code: "VKO", projects: 813, jobs: 20_500, permanentJobs: 1_100 },
  { kato: "710000000", code: "NUR", projects: 160, jobs: 15_500, permanentJobs: 1_050 },
  { kato: "750000000", code: "ALM", projects: 228, jobs: 26_000, permanentJobs: 2_045 },
  { kato: "790000000", code: "SHY", projects: 197, jobs: 19_300, permanentJobs: 744 },
];

/**
 * The history the demo data replays (src/db/seed/history.ts). Fixed by the seeds: Almaty city by
 * 1 December 2020, 228 projects, about 21.7 thousand jobs created, about 10.7 thousand unemployed
 * people employed through the employment centre (004); at least half of the people hired come
 * through the centres (000). The other shares are the demo's own, chosen to look like a programme:
 * most projects above the 20 % referral quota, some below it.
 */
export const HISTORY = {
  almatyCity: { kato: "750000000", code: "ALM", before: "2020-12-01", jobsCreated: 21_700, hiredThroughCentre: 10_700 },
  /** A started project's jobs filled through the centre, on average (± 0.06). */
  centreShare: 0.56,
  centreShareByRegion: { ALM: 0.52 } as Readonly<Record<string, number>>,
  /** Projects whose centre share stays below the referral quota. */
  shortOfQuotaShare: 0.08,
  /** Applicants of the priority group (unemployed youth, NEET youth, students). */
  priorityGroupShare: 0.42,
  /** Of the priority group: the unemployed youth (the rest are students)… */
  youthInPriorityGroup: 0.8,
  /** …and of the youth, those neither studying nor working (NEET). */
  neetAmongYouth: 0.35,
  rejectedPerHire: 0.15,
  noShowPerHire: 0.06,
  withdrawnPerHire: 0.04,
  /** Commissioned objects whose centre did not fill its part of the permanent jobs. */
  commissionedShortShare: 0.15,
} as const;
