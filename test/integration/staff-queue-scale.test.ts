// The staff queue beyond a thousand applications: counted up to the cap ("1000+"), in its order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_COUNT_CAP, QUEUE_PAGE_SIZE, QUEUE_WALK_FROM_PROJECTS } from "../../src/services/staff.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, shownTexts } from "../helpers/harness.js";
import { ALATAU, MEDEU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

let database: TestDatabase;
let harness: Harness;
let staff: Person;
/** Of a centre with more projects than QUEUE_WALK_FROM_PROJECTS (the queue is read another way). */
let bigCentreStaff: Person;
let pool: { id: number };
const COUNT = QUEUE_COUNT_CAP + 7;

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
  const project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Стадион",
    lat: 43.2,
    lon: 76.9,
    positions: [{ code: "mason", count: 5 }],
  });
  // a second project of the district, with two applications of its own
  pool = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Бассейн",
    lat: 43.21,
    lon: 76.91,
    positions: [{ code: "mason", count: 2 }],
  });
  const poolPosition = (await database.db.position.findFirstOrThrow({ where: { projectId: pool.id } })).id;
  await database.db.application.createMany({
    data: ["P-2", "P-1"].map((number, i) => ({
      number,
      projectId: pool.id,
      positionId: poolPosition,
      status: "submitted" as const,
      priorityGroup: 1,
      submittedAt: new Date(Date.UTC(2021, 5, 2 - i)),
    })), // after the others: past the cap
  });
  staff = harness.person();
  await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU])).id);
  const alatau = await database.db.district.findUniqueOrThrow({ where: { kato: ALATAU } });
  await database.db.project.createMany({
    data: Array.from({ length: QUEUE_WALK_FROM_PROJECTS }, (_, i) => ({
      nameKk: `Нысан ${i}`,
      nameRu: `Объект ${i}`,
      objectGroup: "social" as const,
      workKind: "current_repair" as const,
      status: "in_progress" as const,
      districtId: alatau.id,
      estimatedCost: 1_000_000n,
      startDate: new Date("2021-04-01"),
      endDate: new Date("2021-11-30"),
      plannedJobs: 5,
      permanentJobs: 1,
      averageWage: 150_000,
      quotaPercent: 20,
      lat: 43.3,
      lon: 76.85,
    })),
  });
  bigCentreStaff = harness.person();
  await makeStaff(database.db, bigCentreStaff, (await addCentre(database.db, [MEDEU, ALATAU], "ЦЗН Алатау")).id);
  // numbered by time; every third one in the priority group (0), the rest in the general one (1)
  await database.db.application.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      number: `Q-${String(i).padStart(4, "0")}`,
      projectId: project.id,
      positionId: project.positions[0]!.id,
      status: "submitted" as const,
      priorityGroup: i % 3 === 0 ? 0 : 1,
      submittedAt: new Date(Date.UTC(2021, 4, 1, 0, i)),
    })),
  });
}, 60_000);
afterAll(() => closeTestBot({ database, harness }));

describe("a queue of more than a thousand", () => {
  it("shows '1000+' and '200+' pages, the priority group first, each by time", async () => {
    const [screen] = (await staff.pressData("stf:q:1:all:0")).filter((r) => r.method === "editMessageText");
    const pages = `${QUEUE_COUNT_CAP / QUEUE_PAGE_SIZE}+`;
    expect(screen!.text).toBe(
      harness.t("ru", "staff:queue.title", {
        filter: harness.t("ru", "staff:queue.status.all"),
        total: `${QUEUE_COUNT_CAP}+`,
        page: 1,
        pages,
      }),
    );
    expect(screen!.buttons.slice(0, QUEUE_PAGE_SIZE).map(([label]) => label.split(" · ")[0])).toEqual([
      "⭐ Q-0000",
      "⭐ Q-0003",
      "⭐ Q-0006",
      "⭐ Q-0009",
      "⭐ Q-0012",
    ]);
    // page 100: the priority group has 336 applications (67 pages and one), so page 100 is the general group's 33rd
    const [deep] = (await staff.pressData("stf:q:100:all:0")).filter((r) => r.method === "editMessageText");
    const general = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 3 !== 0);
    const expected = general
      .slice((100 - 1) * QUEUE_PAGE_SIZE - 336, 100 * QUEUE_PAGE_SIZE - 336)
      .map((i) => `Q-${String(i).padStart(4, "0")}`);
    expect(deep!.buttons.slice(0, QUEUE_PAGE_SIZE).map(([label]) => label.split(" · ")[0])).toEqual(expected);
    expect(shownTexts(await staff.pressData("stf:q:100:all:0"))[0]).toContain(pages);
  });

  it("filters by project and by status, and a page past the end shows the last one", async () => {
    const [onePool] = (await staff.pressData(`stf:q:1:all:${pool.id}`)).filter((r) => r.method === "editMessageText");
    expect(
      onePool!.buttons.filter(([, data]) => data.startsWith("stf:a:")).map(([label]) => label.split(" · ")[0]),
    ).toEqual(["P-1", "P-2"]);
    const [past] = (await staff.pressData(`stf:q:7:all:${pool.id}`)).filter((r) => r.method === "editMessageText");
    expect(past!.buttons.filter(([, data]) => data.startsWith("stf:a:")).length).toBe(2);
    const [referred] = shownTexts(await staff.pressData("stf:q:1:referred:0"));
    expect(referred).toBe(
      harness.t("ru", "staff:queue.empty", { filter: harness.t("ru", "staff:queue.status.referred") }),
    );
  });

  it("is the same for a centre with many projects, whose queue is read by walking the index", async () => {
    for (const data of ["stf:q:1:all:0", "stf:q:100:all:0", "stf:q:1:referred:0", `stf:q:1:all:${pool.id}`]) {
      const [small] = (await staff.pressData(data)).filter((r) => r.method === "editMessageText");
      const [big] = (await bigCentreStaff.pressData(data)).filter((r) => r.method === "editMessageText");
      expect(big!.text).toBe(small!.text);
      expect(big!.buttons.filter(([, d]) => d.startsWith("stf:a:"))).toEqual(
        small!.buttons.filter(([, d]) => d.startsWith("stf:a:")),
      );
    }
  });
});
