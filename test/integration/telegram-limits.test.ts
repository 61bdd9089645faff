// Every screen fits Telegram with the longest values the validation allows: names of 300 characters,
// 46 positions, dozens of projects and applications, long import reports, every FAQ answer. The
// fake Telegram refuses, as the real one, text over 4096, more than 100 buttons and callback data
// over 64 bytes; here nothing may be refused and nothing may end in "something went wrong".
import { IMPORT_ROW } from "../helpers/import-rows.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";
import { applicationsData } from "../../src/bot/callback-data/applications.js";
import { faqData } from "../../src/bot/callback-data/faq.js";
import { staffData } from "../../src/bot/callback-data/staff.js";
import { NOOP } from "../../src/bot/callback-data/noop.js";
import { IMPORT_COLUMNS } from "../../src/services/import/read-table.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, type Reply } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";
import { telegramRefusal } from "../helpers/telegram.js";

let database: TestDatabase;
let harness: Harness;
let staff: Person;
let seeker: Person;
const NAME = (i: number) =>
  `${"Қалалық мектептің спорт залын күрделі жөндеу ".repeat(7).slice(0, 296)} ${String(i).padStart(3, "0")}`;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => new Date("2021-06-01T08:00:00Z") }));
  staff = harness.person();
  await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU])).id);
  const district = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
  const professions = await database.db.profession.findMany({ orderBy: { id: "asc" } });
  const contractor = await database.db.contractor.create({
    data: { name: `${"ТОО «".padEnd(299, "Ә")}»`, bin: "999988887777" },
  });
  seeker = harness.person();
  const user = await registerSeeker(database.store, seeker, {
    iin: makeIin("000101", 5),
    districtKato: MEDEU,
    fullName: `${"Ә".repeat(50)} ${"Б".repeat(49)}`,
  });
  for (let i = 0; i < 45; i++) {
    const project = await database.db.project.create({
      data: {
        externalId: `LONG-${i}`,
        nameKk: NAME(i),
        nameRu: NAME(i),
        objectGroup: "social",
        workKind: "capital_repair",
        status: "in_progress",
        districtId: district.id,
        contractorId: contractor.id,
        estimatedCost: 9_999_999_999_999n,
        startDate: new Date("2021-04-01"),
        endDate: new Date("2021-11-30"),
        plannedJobs: 100_000,
        permanentJobs: 100_000,
        averageWage: 10_000_000,
        quotaPercent: 100,
        lat: 43.2,
        lon: 76.9,
        positions: {
          create: professions.map((p) => ({
            professionId: p.id,
            count: 99_999,
            monthlyWage: 999_999_999,
            suitableForMinors: true,
          })),
        },
      },
      include: { positions: true },
    });
    if (i < 12) {
      await database.db.application.create({
        data: {
          number: `ALM-2021-${String(i).padStart(6, "0")}`,
          userId: user.id,
          projectId: project.id,
          positionId: project.positions[0]!.id,
          priorityGroup: 0,
          homeDistrictId: district.id,
        },
      });
    }
  }
});
afterAll(() => closeTestBot({ database, harness }));

function expectFits(replies: Reply[]) {
  expect(replies.length).toBeGreaterThan(0);
  for (const reply of replies) expect(reply.text ?? "").not.toBe(harness.t("ru", "errors.generic"));
  const refused = harness.telegram.calls.map((call) => telegramRefusal(call.method, call.payload)).filter(Boolean);
  expect(refused).toEqual([]);
}

describe("the longest values", () => {
  it("a project card with 46 positions and names of 300 characters", async () => {
    const project = await database.db.project.findFirstOrThrow({ where: { externalId: "LONG-0" } });
    const replies = await seeker.send(`/start p${project.id}`);
    expectFits(replies);
    expect(replies.at(-1)!.text).toContain(NAME(0));
    expect(replies.at(-1)!.text).toMatch(/…и ещё \d+ ваканси/); // 46 positions do not fit: the rest are counted
    expectFits(await seeker.pressData(applicationsData.start(project.id)));
  });

  it("my applications, twelve of them, in pages", async () => {
    const first = await seeker.pressData(applicationsData.mine());
    expectFits(first);
    expect(first.at(-1)!.buttons.map(([, data]) => data)).toContain(applicationsData.mine(2));
    expectFits(await seeker.pressData(applicationsData.mine(3)));
    expectFits(await seeker.pressData(applicationsData.mine(99)));
  });

  it("our projects and the queue's project filter, 45 projects, in pages", async () => {
    expectFits(await staff.pressData(staffData.projects()));
    expectFits(await staff.pressData(staffData.projects(5)));
    expectFits(await staff.pressData(staffData.chooseProject("all")));
    expectFits(await staff.pressData(staffData.chooseProject("all", 5)));
    const project = await database.db.project.findFirstOrThrow({ where: { externalId: "LONG-44" } });
    expectFits(await staff.pressData(staffData.project(project.id)));
  });

  it("a page's own number and the list's ends answer the button and edit nothing", async () => {
    const page = await staff.pressData(staffData.projects(2));
    const middle = page.at(-1)!.buttons.find(([label]) => label === "2 / 5")!;
    expect(middle[1]).toBe(NOOP);
    const pressed = await staff.pressData(NOOP);
    expect(pressed.map((r) => r.method)).toEqual(["answerCallbackQuery"]);
  });

  it("takes Telegram's 'message is not modified' as done, not as an error", async () => {
    harness.telegram.failNext(
      "editMessageText",
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    );
    const replies = await staff.pressData(staffData.projects(1));
    expect(replies.map((r) => r.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(replies.some((r) => r.text === harness.t("ru", "errors.generic"))).toBe(false);
  });

  it("the staff queue and an applicant's card with the longest name", async () => {
    const queue = await staff.pressData(staffData.queue(1));
    expectFits(queue);
    const application = await database.db.application.findFirstOrThrow({ orderBy: { id: "asc" } });
    expectFits(await staff.pressData(staffData.card(application.id)));
  });

  it("an import report of 200 rows with problems", async () => {
    const base: Record<string, string> = {
      ...IMPORT_ROW,
      name_kk: NAME(1),
      name_ru: NAME(1),
      status: "in_progress",
      contractor_name: `ТОО «${"Б".repeat(290)}»`,
      contractor_bin: "999988887777",
    };
    const rows = Array.from({ length: 200 }, (_, i) =>
      IMPORT_COLUMNS.map((c) => (c === "external_id" ? `W-${i}` : i % 2 && c === "district_kato" ? "1" : base[c])).join(
        ";",
      ),
    );
    const replies = await staff.sendDocument(
      "warnings.csv",
      Buffer.from([IMPORT_COLUMNS.join(";"), ...rows].join("\n")),
    );
    expectFits(replies);
    expect(replies.at(-1)!.text).toContain(
      harness.t("ru", "staff:import.done", { created: 100, updated: 0, rejected: 100, announced: 0 }),
    );
    expect(replies.at(-1)!.text).toMatch(/…и ещё \d+ строк/);
  });

  it("every FAQ answer in both languages", async () => {
    for (const entry of FAQ_ENTRIES) expectFits(await seeker.pressData(faqData.entry(entry.id)));
    await database.db.user.update({ where: { telegramId: BigInt(seeker.id) }, data: { language: "kk" } });
    for (const entry of FAQ_ENTRIES) expectFits(await seeker.pressData(faqData.entry(entry.id)));
  });
});
