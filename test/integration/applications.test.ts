import { KYZYLORDA_CITY, MEDEU, ZHETYSU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../src/services/applications.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, sentTexts } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let project: Awaited<ReturnType<typeof addProject>>;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW }));
  project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Поликлиника № 3",
    lat: 43.25,
    lon: 76.92,
    positions: [
      { code: "mason", count: 5, wage: 140_000 },
      { code: "cleaner", count: 2, wage: 90_000, minors: true },
      { code: "welder", count: 1 },
    ],
  });
});
afterAll(() => closeTestBot({ database, harness }));

const position = (code: string) =>
  database.db.position.findFirstOrThrow({ where: { projectId: project.id, profession: { code } } });

async function seeker(iin: string, districtKato = ZHETYSU, extra = {}): Promise<Person> {
  const person = harness.person();
  await registerSeeker(database.store, person, { iin, districtKato, ...extra });
  return person;
}

describe("applying for a referral", () => {
  it("asks someone without a profile to register first", async () => {
    const person = harness.person();
    await person.send("/start");
    await person.press("lang:ru");
    const [reply] = await person.pressData(`apl:start:${project.id}`).then(sentTexts);
    expect(reply).toBe(harness.t("ru", "applications:refusal.no_profile"));
  });

  it("shows open positions, the wage floor and the relocation allowance, then creates the application", async () => {
    const neighbour = await seeker(makeIin("990101", 3)); // another district of the same city: one settlement, no allowance
    const mason0 = await position("mason");
    // The confirmation is shown (with the wage floor), only without the allowance.
    const [neighbourConfirm] = sentTexts(await neighbour.pressData(`apl:pos:${mason0.id}`));
    expect(neighbourConfirm).toContain(harness.t("ru", "applications:wage_floor", { floor: "85\u00a0000" }));
    expect(neighbourConfirm).not.toContain(
      harness.t("ru", "applications:relocation", { allowance: "85\u00a0000", days: 3 }),
    );
    const person = await seeker("000229500038", KYZYLORDA_CITY); // 21, unemployed youth, lives in another settlement, agreed to move
    const choose = await person.pressData(`apl:start:${project.id}`);
    const buttons = choose.at(-1)!.buttons.map(([label]) => label);
    expect(buttons[0]).toMatch(/^Каменщик · 140\s000 ₸$/);
    const mason = await position("mason");
    const [confirm] = sentTexts(await person.pressData(`apl:pos:${mason.id}`));
    expect(confirm).toContain(harness.t("ru", "applications:wage_floor", { floor: "85\u00a0000" }));
    expect(confirm).toContain(harness.t("ru", "applications:relocation", { allowance: "85\u00a0000", days: 3 }));
    const [done] = sentTexts(await person.pressData(`apl:ok:${mason.id}`));
    const application = await database.db.application.findFirstOrThrow({
      where: { positionId: mason.id },
      include: { events: true },
    });
    expect(application).toMatchObject({
      status: "submitted",
      priorityGroup: 0,
      isYouth: true,
      isNeet: true,
      relocated: true,
    });
    expect(application.number).toMatch(/^Z-2021-\d{6}$/);
    expect(application.events.map((e) => e.status)).toEqual(["submitted"]);
    expect(done).toBe(
      harness.t("ru", "applications:submitted", {
        number: application.number,
        documents: `• ${harness.t("ru", "applications:documents.identity")}`,
      }),
    );

    const [again] = sentTexts(await person.pressData(`apl:pos:${mason.id}`));
    expect(again).toBe(harness.t("ru", "applications:refusal.already_applied"));
  });

  it("lets a minor apply only to positions suitable for minors, and asks a student for a study certificate", async () => {
    const person = await seeker("050306500114", MEDEU, { status: "student", studying: true }); // 16
    const mason = await position("mason");
    expect(sentTexts(await person.pressData(`apl:pos:${mason.id}`))[0]).toBe(
      harness.t("ru", "applications:refusal.minor", { age: 18 }),
    );
    const cleaner = await position("cleaner");
    const [confirm] = sentTexts(await person.pressData(`apl:pos:${cleaner.id}`));
    expect(confirm).toContain(harness.t("ru", "applications:wage_floor", { floor: "85\u00a0000" }));
    expect(confirm).not.toContain(harness.t("ru", "applications:relocation", { allowance: "85\u00a0000", days: 3 })); // same district
    const [done] = sentTexts(await person.pressData(`apl:ok:${cleaner.id}`));
    expect(done).toContain(harness.t("ru", "applications:documents.study"));
  });

  it("refuses a position without room", async () => {
    const welder = await position("welder");
    const other = await database.db.user.create({ data: { telegramId: 99n } });
    await database.db.application.create({
      data: {
        number: "FULL-1",
        userId: other.id,
        projectId: project.id,
        positionId: welder.id,
        status: "referred",
        priorityGroup: 1,
      },
    });
    const person = await seeker("851231400232");
    expect(sentTexts(await person.pressData(`apl:pos:${welder.id}`))[0]).toBe(
      harness.t("ru", "applications:refusal.no_room"),
    );
  });

  it("makes one application from two simultaneous confirmations", async () => {
    const person = await seeker("950101300707");
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
    const mason = await position("mason");
    const outcomes = await Promise.all([1, 2, 3].map(() => submitApplication(database.store, user.id, mason.id, NOW)));
    expect(outcomes.filter((o) => o.application).length).toBe(1);
    expect(outcomes.filter((o) => o.refusal === "already_applied").length).toBe(2);
    expect(await database.db.application.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("my applications", () => {
  it("lists them and withdraws one not yet referred; another person's cannot be withdrawn", async () => {
    const person = await seeker("900101300126");
    const mason = await position("mason");
    await person.pressData(`apl:ok:${mason.id}`);
    const application = await database.db.application.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });
    const list = (await person.pressData("apl:mine")).at(-1)!;
    expect(list.text).toContain(
      harness.t("ru", "applications:item", {
        number: application.number,
        project: "Поликлиника № 3",
        profession: "Каменщик",
        status: harness.t("ru", "applications:status.submitted"),
        date: "01.06.2021",
      }),
    );
    expect(list.buttons).toEqual([
      [harness.t("ru", "applications:withdraw", { number: application.number }), `apl:wd:${application.id}`],
    ]);

    const stranger = await seeker("600707100046");
    expect(sentTexts(await stranger.pressData(`apl:wd:${application.id}`))[0]).toBe(
      harness.t("ru", "applications:cannot_withdraw"),
    );
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );

    expect(sentTexts(await person.pressData(`apl:wd:${application.id}`))[0]).toBe(
      harness.t("ru", "applications:withdrawn"),
    );
    expect(
      (
        await database.db.application.findUniqueOrThrow({ where: { id: application.id }, include: { events: true } })
      ).events.map((e) => e.status),
    ).toEqual(["submitted", "withdrawn"]);
  });
});
