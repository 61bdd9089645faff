// "Our projects" (quota progress, status, commissioning) and importing the monitoring map, with
// the subscription messages a new or re-opened project sends.
import { importCells } from "../helpers/import-rows.js";
import { readFileSync } from "node:fs";
import { MEDEU, ZHETYSU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "../../src/services/import/read-table.js";
import { setSubscription } from "../../src/services/subscriptions.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, shownTexts } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let staff: Person;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, jobs: true }));
  staff = harness.person();
  await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU, ZHETYSU])).id);
});
afterAll(() => closeTestBot({ database, harness }));

const SAMPLE = readFileSync(new URL("../../docs/projects-sample.csv", import.meta.url));
const header = IMPORT_COLUMNS.join(",");
const row = (values: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>) => {
  return importCells(values).join(",");
};
const csv = (...rows: string[]) => Buffer.from([header, ...rows].join("\n"));

describe("our projects", () => {
  it("show the quota progress and move a project forward one status at a time", async () => {
    const project = await addProject(database.db, {
      districtKato: MEDEU,
      name: "Детсад",
      lat: 43.2,
      lon: 76.9,
      status: "planned",
      jobs: 12,
    });
    const [list] = shownTexts(await staff.pressData("stf:prj"));
    expect(list).toBe(harness.t("ru", "staff:projects.title", { count: 1 }));
    const [card] = shownTexts(await staff.pressData(`stf:p:${project.id}`));
    expect(card).toContain(
      harness.t("ru", "staff:projects.progress", {
        status: harness.t("ru", "projects:status.planned"),
        jobs: 12,
        quota: 3,
        percent: 20,
        referred: 0,
        hired: 0,
        met: 0,
      }),
    );

    expect(shownTexts(await staff.pressData(`stf:st:${project.id}:completed`))[0]).toBe(
      harness.t("ru", "staff:project.refusal.not_next"),
    );
    await staff.pressData(`stf:st:${project.id}:in_progress`);
    await staff.pressData(`stf:st:${project.id}:completed`);
    expect((await database.db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("completed");

    await staff.pressData(`stf:st:${project.id}:commissioned`);
    expect(shownTexts(await staff.send("пять"))[0]).toBe(harness.t("ru", "staff:typed.invalid.permanent_jobs"));
    await staff.send("5");
    const saved = await database.db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(saved).toMatchObject({ status: "commissioned", permanentJobs: 5 });
    const [after] = shownTexts(await staff.pressData(`stf:p:${project.id}`));
    // 15 % of 5 is under one person: the staff is under 6, so at least one.
    expect(after).toContain(
      harness.t("ru", "projects:card.commissioned", {
        date: "01.06.2021",
        permanent: 5,
        centre: 1,
        percent: 15,
        minimum: 1,
        small: 6,
      }),
    );
    expect(
      await database.db.auditLog.count({ where: { action: "change_project_status", entityId: String(project.id) } }),
    ).toBe(3);
  });
});

describe("importing the monitoring map", () => {
  it("creates the sample file's projects, then updates them by external id", async () => {
    const [, report] = shownTexts(await staff.sendDocument("projects-sample.csv", SAMPLE));
    expect(report).toBe(harness.t("ru", "staff:import.done", { created: 2, updated: 0, rejected: 0, announced: 0 }));
    const school = await database.db.project.findUniqueOrThrow({
      where: { externalId: "ALM-2021-S-001" },
      include: { positions: true, contractor: true },
    });
    expect(school).toMatchObject({ nameRu: "Капитальный ремонт школы № 12", plannedJobs: 40, status: "in_progress" });
    expect(school.positions).toHaveLength(3);
    expect(school.contractor?.bin).toBe("123456789012");
    const sidewalks = await database.db.project.findUniqueOrThrow({
      where: { externalId: "ALM-2021-U-002" },
      include: { positions: true },
    });
    expect(sidewalks.quotaPercent).toBe(20); // empty: the programme's 20 %
    expect(sidewalks.positions.find((p) => p.suitableForMinors)).toBeDefined();

    const [, again] = shownTexts(await staff.sendDocument("projects-sample.csv", SAMPLE));
    expect(again).toBe(harness.t("ru", "staff:import.done", { created: 0, updated: 2, rejected: 0, announced: 0 }));
    expect(await database.db.project.count({ where: { externalId: { startsWith: "ALM-2021-" } } })).toBe(2);
  });

  it("lists the rejected rows with their reasons and imports the valid ones", async () => {
    const file = csv(
      row({ external_id: "B-1" }),
      row({ external_id: "B-2", district_kato: "123" }),
      row({ external_id: "B-3", start_date: "2021-13-01" }),
      row({ external_id: "B-4", positions: "mason:5:50000" }),
      row({ external_id: "B-5", district_kato: "711210000" }), // Astana: not this centre's
      row({ external_id: "B-1" }),
    );
    const [, report] = shownTexts(await staff.sendDocument("bad.csv", file));
    const reason = (key: string) => harness.t("ru", `staff:import.reason.${key}`);
    expect(report).toContain(
      harness.t("ru", "staff:import.done", { created: 1, updated: 0, rejected: 5, announced: 0 }),
    );
    expect(report).toContain(
      harness.t("ru", "staff:import.problem", { line: 3, column: "district_kato", reason: reason("bad_kato") }),
    );
    expect(report).toContain(
      harness.t("ru", "staff:import.problem", { line: 4, column: "start_date", reason: reason("bad_date") }),
    );
    expect(report).toContain(
      harness.t("ru", "staff:import.problem", { line: 5, column: "positions", reason: reason("wage_below_floor") }),
    );
    expect(report).toContain(
      harness.t("ru", "staff:import.problem", {
        line: 6,
        column: "district_kato",
        reason: reason("outside_your_districts"),
      }),
    );
    expect(report).toContain(
      harness.t("ru", "staff:import.problem", { line: 7, column: "external_id", reason: reason("duplicate_in_file") }),
    );
    expect(await database.db.project.count({ where: { externalId: { startsWith: "B-" } } })).toBe(1);
  });

  it("changes nothing for a file it cannot read", async () => {
    const before = await database.db.project.count();
    expect(shownTexts(await staff.sendDocument("broken.xlsx", Buffer.from("this is no spreadsheet")))[1]).toBe(
      harness.t("ru", "staff:import.unreadable.format"),
    );
    expect(shownTexts(await staff.sendDocument("cols.csv", Buffer.from("name,district\nШкола,751710000")))[1]).toBe(
      harness.t("ru", "staff:import.unreadable.columns", { columns: IMPORT_COLUMNS.join(", "), max: 10_000 }),
    );
    const tooMany = csv(...Array.from({ length: 10_001 }, (_, i) => row({ external_id: `M-${i}` })));
    expect(shownTexts(await staff.sendDocument("many.csv", tooMany))[1]).toBe(
      harness.t("ru", "staff:import.unreadable.too_many_rows", { columns: IMPORT_COLUMNS.join(", "), max: 10_000 }),
    );
    expect(shownTexts(await staff.sendDocument("notes.txt", Buffer.from("hello")))[0]).toBe(
      harness.t("ru", "staff:import.unreadable.format"),
    );
    expect(await database.db.project.count()).toBe(before);
  });

  it("tells each matching subscriber once about a new or re-opened project", async () => {
    const mason = await database.db.profession.findUniqueOrThrow({ where: { code: "mason" } });
    const welder = await database.db.profession.findUniqueOrThrow({ where: { code: "welder" } });
    const subscriber = async (professionIds: number[], district = ZHETYSU) => {
      const person = harness.person();
      const user = await registerSeeker(database.store, person, {
        iin: makeIin("900303"),
        districtKato: district,
        professionIds,
        anyWork: false,
      });
      await setSubscription(database.store, user.id, true);
      return person;
    };
    const masonHere = await subscriber([mason.id]);
    const welderHere = await subscriber([welder.id]);
    const masonElsewhere = await subscriber([mason.id], MEDEU);
    const district = await database.db.district.findUniqueOrThrow({ where: { kato: ZHETYSU } });
    const matchText = harness.t("ru", "notifications:project_match", {
      project: "Новая школа",
      district: district.nameRu,
    });

    const opened = row({ external_id: "S-1", name_ru: "Новая школа", district_kato: ZHETYSU, status: "in_progress" });
    const [, report] = shownTexts(await staff.sendDocument("new.csv", csv(opened)));
    expect(report).toContain(
      harness.t("ru", "staff:import.done", { created: 1, updated: 0, rejected: 0, announced: 1 }),
    );
    await staff.sendDocument("same.csv", csv(opened)); // still open: no news
    await harness.flushAll();
    const told = (person: Person) => person.sentToMe().filter((r) => r.text === matchText).length;
    expect([told(masonHere), told(welderHere), told(masonElsewhere)]).toEqual([1, 0, 0]);

    // Forward only: a finished project is not opened again by a file, so it does not announce itself again.
    await staff.sendDocument(
      "working.csv",
      csv(row({ external_id: "S-1", name_ru: "Новая школа", district_kato: ZHETYSU, status: "in_progress" })),
    );
    await staff.sendDocument(
      "closed.csv",
      csv(row({ external_id: "S-1", name_ru: "Новая школа", district_kato: ZHETYSU, status: "completed" })),
    );
    const [, reopened] = shownTexts(await staff.sendDocument("reopened.csv", csv(opened)));
    expect(reopened).toContain(
      harness.t("ru", "staff:import.problem", {
        line: 2,
        column: "status",
        reason: harness.t("ru", "staff:import.reason.status_not_next"),
      }),
    );
    await harness.flushAll();
    expect(told(masonHere)).toBe(1);
  });
});
