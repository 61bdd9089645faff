// Position.taken, kept by a database trigger, against the applications it counts: the statuses
// that take a place in src/domain (PLACE_TAKING_STATUSES), through every kind of change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACE_TAKING_STATUSES } from "../../src/domain/referral.js";
import { ApplicationStatus } from "../../src/generated/prisma/enums.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { MEDEU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";

let database: TestDatabase;
let positions: number[];
let projectId: number;
const STATUSES = Object.values(ApplicationStatus);

beforeAll(async () => {
  database = await createTestDatabase();
  const project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа",
    lat: 43.2,
    lon: 76.9,
    positions: [
      { code: "mason", count: 9 },
      { code: "welder", count: 9 },
    ],
  });
  projectId = project.id;
  positions = project.positions.map((p) => p.id);
}, 60_000);
afterAll(() => database.drop());

/** Each position's counter and the count of its applications in a place-taking status. */
async function counters() {
  return database.db.$queryRaw<Array<{ taken: number; counted: number }>>`
    select s.taken, (select count(*)::int from "Application" a where a."positionId" = s.id
      and a.status = any(${[...PLACE_TAKING_STATUSES]}::"ApplicationStatus"[])) as counted
    from "Position" s where s.id = any(${positions}::int[]) order by s.id`;
}

describe("the places taken on a position", () => {
  it("follows every status each application goes through, a move to another position and a deletion", async () => {
    let n = 0;
    const create = (status: ApplicationStatus, position = positions[0]!) =>
      database.db.application.create({
        data: { number: `T-${n++}`, projectId, positionId: position, status, priorityGroup: 1 },
      });
    const created = await Promise.all(STATUSES.map((status) => create(status)));
    expect((await counters())[0]).toEqual({
      taken: PLACE_TAKING_STATUSES.length,
      counted: PLACE_TAKING_STATUSES.length,
    });

    for (const application of created) {
      for (const status of STATUSES) {
        await database.db.application.update({ where: { id: application.id }, data: { status } });
        const [first] = await counters();
        expect(first!.taken).toBe(first!.counted);
      }
    }
    await database.db.application.updateMany({
      where: { id: { in: created.map((a) => a.id) } },
      data: { status: "referred", positionId: positions[1]! },
    });
    expect(await counters()).toEqual([
      { taken: 0, counted: 0 },
      { taken: created.length, counted: created.length },
    ]);
    await database.db.application.deleteMany({ where: { id: { in: created.slice(0, 3).map((a) => a.id) } } });
    expect(await counters()).toEqual([
      { taken: 0, counted: 0 },
      { taken: created.length - 3, counted: created.length - 3 },
    ]);
  });
});
