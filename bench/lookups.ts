// The reads whose cost grows with the data: nearest projects, the staff queue, the monthly report.
import type { Db, Store } from "../src/db/store.js";
import { createRandom } from "../src/db/seed/random.js";
import { KAZAKHSTAN_BOUNDS } from "../src/domain/geo.js";
import { reportMonth } from "../src/domain/report.js";
import { nearestOpenProjects } from "../src/services/projects.js";
import { buildMonthlyReport } from "../src/services/reports/monthly-report.js";
import { staffQueue } from "../src/services/staff.js";
import { latency, timed, type Latency } from "./stats.js";

export const ALMATY_REGION_KATO = "190000000"; // the region with the most projects
export const BENCH_STAFF_TELEGRAM_ID = 4_999_999n;

export async function nearestProjects(store: Store, points = 1_000): Promise<Latency & { points: number }> {
  const random = createRandom(20_260_101);
  const b = KAZAKHSTAN_BOUNDS;
  for (let i = 0; i < 20; i++) await nearestOpenProjects(store, { lat: 43.25, lon: 76.92 }); // warm-up
  const durations: number[] = [];
  for (let i = 0; i < points; i++) {
    const point = {
      lat: b.minLat + random.next() * (b.maxLat - b.minLat),
      lon: b.minLon + random.next() * (b.maxLon - b.minLon),
    };
    durations.push((await timed(() => nearestOpenProjects(store, point)))[0]);
  }
  return { points, ...latency(durations) };
}

/** A staff member of a centre that serves every district of the Almaty region. */
export async function regionStaff(db: Db): Promise<number> {
  const user = await db.user.upsert({
    where: { telegramId: BENCH_STAFF_TELEGRAM_ID },
    update: {},
    create: { telegramId: BENCH_STAFF_TELEGRAM_ID, language: "ru", roles: ["staff"] },
  });
  if (!(await db.staffMembership.findFirst({ where: { userId: user.id } }))) {
    const districts = await db.district.findMany({
      where: { region: { kato: ALMATY_REGION_KATO } },
      select: { id: true },
    });
    const centre = await db.employmentCentre.create({
      data: {
        nameKk: "Бенчмарк орталығы",
        nameRu: "Центр бенчмарка",
        addressKk: "—",
        addressRu: "—",
        phone: "—",
        districts: { create: districts.map(({ id }) => ({ districtId: id })) },
      },
    });
    await db.staffMembership.create({ data: { userId: user.id, centreId: centre.id } });
  }
  return user.id;
}

export async function queuePages(
  store: Store,
  runs = 200,
): Promise<{ total: number; page1: Latency; page100: Latency }> {
  const userId = await regionStaff(store.db);
  const measure = async (page: number) => {
    for (let i = 0; i < 10; i++) await staffQueue(store, userId, {}, page);
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) durations.push((await timed(() => staffQueue(store, userId, {}, page)))[0]);
    return latency(durations);
  };
  const { total } = await staffQueue(store, userId, {}, 1);
  return { total, page1: await measure(1), page100: await measure(100) };
}

export async function monthlyReports(store: Store, runs = 5): Promise<{ region: Latency; country: Latency }> {
  const { db } = store;
  const month = reportMonth(2021, 5);
  const region = await db.region.findUniqueOrThrow({
    where: { kato: ALMATY_REGION_KATO },
    include: { districts: true },
  });
  const measure = async (districtIds: number[] | null) => {
    await buildMonthlyReport(store, districtIds, month);
    const durations: number[] = [];
    for (let i = 0; i < runs; i++)
      durations.push((await timed(() => buildMonthlyReport(store, districtIds, month)))[0]);
    return latency(durations);
  };
  return { region: await measure(region.districts.map((d) => d.id)), country: await measure(null) };
}
