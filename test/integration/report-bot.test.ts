// The monthly report through the bot: staff and admins choose a month (and admins a territory)
// and receive the summary, the chart (PNG) and the files (XLSX read back cell by cell, CSV);
// staff enter a project's figures of a month. Data: test/helpers/report-data.ts.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartHeight, CHART_WIDTH, LINE_COLOUR, xOfPercent } from "../../src/presentation/reports/quota-chart.js";
import { formatNumber } from "../../src/presentation/format.js";
import { reportData } from "../../src/bot/callback-data/reports.js";
import { staffData } from "../../src/bot/callback-data/staff.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person } from "../helpers/harness.js";
import { fileOf } from "../helpers/telegram.js";
import { addReportData } from "../helpers/report-data.js";
import { ALMALY, BOSTANDYK } from "../helpers/places.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-03T06:00:00Z");
const ADMIN_ID = 6_100_001; // outside the harness's own person ids
let database: TestDatabase;
let harness: Harness;
let staff: Person;
let ids: Record<string, number>;
/** A first start loads the demo history after the bot answers (src/main.ts). */
let demoLoading = false;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({
    now: () => NOW,
    adminIds: [BigInt(ADMIN_ID)],
    demoLoading: () => demoLoading,
  }));
  ids = await addReportData(database.db);
  staff = harness.person();
  await makeStaff(database.db, staff, (await addCentre(database.db, [ALMALY, BOSTANDYK], "ЦЗН города Алматы")).id);
});
afterAll(() => closeTestBot({ database, harness }));

const callsSince = (from: number, chatId: number) =>
  harness.telegram.calls.slice(from).filter((c) => Number(c.payload.chat_id) === chatId);
const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

async function requestReport(person: Person, steps: string[]) {
  const from = harness.telegram.calls.length;
  for (const step of steps) await person.press(step);
  const calls = callsSince(from, person.id);
  const documents = calls.filter((c) => c.method === "sendDocument").map(fileOf);
  const photo = calls.find((c) => c.method === "sendPhoto");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(documents.find((d) => d.name.endsWith(".xlsx"))!.bytes as never);
  return {
    calls,
    texts: calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)),
    documents,
    photo: photo && fileOf(photo),
    workbook,
  };
}

describe("a staff member's report of May 2021", () => {
  let result: Awaited<ReturnType<typeof requestReport>>;
  const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
  const n = (value: number) => formatNumber(value, "ru");

  beforeAll(async () => {
    await staff.pressData(staffData.home());
    result = await requestReport(staff, [t("report:menu_button"), t("report:months.5")]);
  });

  it("offers only the months that have ended", () => {
    const picker = staff
      .sentToMe()
      .filter((r) => r.buttons.some(([, data]) => data.startsWith("rep:m:")))
      .at(-1)!;
    expect(picker.buttons.filter(([, data]) => data.startsWith("rep:m:")).map(([label]) => label)).toEqual(
      [1, 2, 3, 4, 5].map((m) => t(`report:months.${m}`)),
    );
    expect(picker.buttons.map(([, data]) => data)).toContain(reportData.year({ kind: "mine" }, 2020));
    expect(picker.buttons.map(([, data]) => data)).not.toContain(reportData.year({ kind: "mine" }, 2022));
  });

  it("sends a summary with the figures of the centre's districts", () => {
    const summary = result.texts.at(-1)!;
    expect(summary).toContain(t("report:summary.title", { month: "май 2021", scope: "ЦЗН города Алматы" }));
    expect(summary).toContain(t("report:summary.contractors", { count: "1" }));
    expect(summary).toContain(t("report:summary.projects", { started: "1", finished: "1", in_progress: "1" }));
    expect(summary).toContain(
      t("report:summary.jobs", { jobs: "24", hired: "3", wage: t("common:money", { amount: n(130_000) }) }),
    );
    expect(summary).toContain(t("report:summary.share", { share: `${n(12.5)} %` }));
    expect(summary).not.toContain("50 %"); // the 2020 plan's aim is no rule of 2021
    expect(summary).toContain(t("report:summary.quota", { met: `${n(26.3)} %`, hired: "5", quota: "19" }));
    expect(summary).toContain(t("report:summary.commissioned", { count: "1", met: "0", percent: 15 }));
    expect(summary).toContain(t("report:summary.plan", { jobs: `${n(36.6)} %`, permanent: `${n(44.4)} %` }));
  });

  it("sends the workbook with a sheet per section, headers in Russian, numbers as numbers and totals", () => {
    const { workbook } = result;
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      ["contractors", "kinds", "projects", "jobs", "quota", "outcomes", "commissioned", "plan"].map((s) =>
        t(`report:sheet.${s}`),
      ),
    );
    const sheet = (section: string) => workbook.getWorksheet(t(`report:sheet.${section}`))!;

    expect(values(sheet("contractors").getRow(1))).toEqual([
      t("report:column.contractor"),
      t("report:column.bin"),
      t("report:column.projects"),
    ]);
    expect(values(sheet("contractors").getRow(2))).toEqual(["ТОО «Алатау Құрылыс»", undefined, 2]);
    expect(values(sheet("contractors").getRow(3))).toEqual([`${t("report:total")}: 1`, undefined, 2]);

    expect(values(sheet("kinds").getRow(2))).toEqual([
      t("projects:group.social"),
      t("projects:work.construction"),
      1,
      0,
      1,
    ]);
    expect(values(sheet("kinds").getRow(3))).toEqual([
      t("projects:group.utilities"),
      t("projects:work.capital_repair"),
      0,
      1,
      0,
    ]);
    expect(values(sheet("kinds").getRow(4))).toEqual([t("report:total"), undefined, 1, 1, 1]);

    const projects = sheet("projects");
    expect(projects.rowCount).toBe(1 + 3 + 1);
    expect(values(projects.getRow(2))).toEqual([
      "Проект P1",
      "Алмалинский район",
      t("projects:group.social"),
      t("projects:work.construction"),
      t("projects:status.in_progress"),
      10_000_000,
      20,
      50,
      10,
      3,
      2,
      20,
    ]);
    expect(values(projects.getRow(4)).slice(5)).toEqual([0, 0, 30, 6, 2, 2, 33.3]);
    expect(values(projects.getRow(5))).toEqual([
      t("report:total"),
      undefined,
      undefined,
      undefined,
      undefined,
      15_000_000,
      24,
      92,
      19,
      6,
      5,
      26.3,
    ]);
    expect(projects.getRow(2).getCell(6).numFmt).toBe("#,##0");

    expect(values(sheet("jobs").getRow(2))).toEqual([t("report:indicator.jobs_created"), 24]);
    expect(values(sheet("jobs").getRow(5))).toEqual([t("report:indicator.average_wage"), 130_000]);
    expect(values(sheet("jobs").getRow(6))).toEqual([t("report:indicator.centre_share"), 12.5]);

    expect(values(sheet("quota").getRow(2))).toEqual(["Алмалинский район", 13, 4, 3, 23.1]);
    expect(values(sheet("quota").getRow(3))).toEqual(["Бостандыкский район", 6, 2, 2, 33.3]);
    expect(values(sheet("quota").getRow(4))).toEqual([t("report:total"), 19, 6, 5, 26.3]);

    const commissioned = values(sheet("commissioned").getRow(2));
    expect(commissioned).toEqual([
      "Проект P3",
      "Бостандыкский район",
      new Date("2021-04-20T00:00:00Z"),
      8,
      2,
      1,
      t("report:no"),
    ]);

    expect(values(sheet("plan").getRow(2))).toEqual(["город Алматы", 82, 30, 36.6, 18, 8, 44.4]);
  });

  it("sends the same tables as CSV, each section under its title", () => {
    const csv = result.documents.find((d) => d.name.endsWith(".csv"))!;
    expect(csv.name).toMatch(/^report-2021-05-centre-\d+\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(csv.bytes.toString("utf8").slice(1), { relax_column_count: true });
    const at = rows.findIndex((r) => r[0] === t("report:sheet.quota"));
    expect(rows.slice(at, at + 5)).toEqual([
      [t("report:sheet.quota")],
      ["district", "quota", "referred", "hired", "percent_met"].map((c) => t(`report:column.${c}`)),
      ["Алмалинский район", "13", "4", "3", "23.1"],
      ["Бостандыкский район", "6", "2", "2", "33.3"],
      [t("report:total"), "19", "6", "5", "26.3"],
    ]);
    expect(rows.find((r) => r[0] === "Проект P3" && r[2] === "20.04.2021")).toBeDefined();
  });

  it("sends the quota chart as a PNG, one bar per district, sorted, with the 100 % line", () => {
    const png = PNG.sync.read(result.photo!.bytes);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, chartHeight(2)]);
    const pixel = (x: number, y: number) => {
      const i = (png.width * y + Math.round(x)) * 4;
      return `#${[0, 1, 2].map((k) => png.data[i + k]!.toString(16).padStart(2, "0")).join("")}`;
    };
    const column = Array.from({ length: png.height }, (_, y) => pixel(xOfPercent(100), y));
    expect(column.filter((colour) => colour === LINE_COLOUR).length).toBeGreaterThan(50);
    // Bostandyk (33.3 %) above Almaly (23.1 %): the first bar is longer than the second.
    const barEnd = (row: number) => {
      const y = 150 + row * 56 + 28;
      let x = xOfPercent(0) + 3;
      while (pixel(x + 1, y) !== "#ffffff" && x < CHART_WIDTH - 1) x++;
      return x;
    };
    expect(barEnd(0)).toBeGreaterThan(barEnd(1));
    expect(Math.abs(barEnd(0) - xOfPercent(33.3))).toBeLessThan(3);
  });
});

describe("an admin's report", () => {
  it("lets an admin choose a region, in Kazakh", async () => {
    const admin = harness.person({ id: ADMIN_ID, languageCode: "kk" });
    await admin.send("/start");
    await admin.press("lang:kk");
    await admin.pressData(reportData.scopes());
    const result = await requestReport(admin, ["Алматы қаласы", harness.t("kk", "report:months.5")]);
    expect(result.texts.at(-1)).toContain(
      harness.t("kk", "report:summary.title", { month: "2021 жылғы мамыр", scope: "Алматы қаласы" }),
    );
    const plan = result.workbook.getWorksheet(harness.t("kk", "report:sheet.plan"))!;
    expect(values(plan.getRow(1))[0]).toBe(harness.t("kk", "report:column.region"));
    expect(values(plan.getRow(2))).toEqual(["Алматы қаласы", 82, 30, 36.6, 18, 8, 44.4]);
  });

  it("gives the country's chart by region", async () => {
    const admin = harness.person({ id: ADMIN_ID, languageCode: "kk" });
    const result = await requestReport(admin, [
      reportData.scopes(),
      harness.t("kk", "report:country"),
      harness.t("kk", "report:months.5"),
    ]);
    expect(PNG.sync.read(result.photo!.bytes).height).toBe(chartHeight(2)); // Almaty city and Kyzylorda region
    const jobs = result.workbook.getWorksheet(harness.t("kk", "report:sheet.jobs"))!;
    expect(values(jobs.getRow(2))).toEqual([harness.t("kk", "report:indicator.jobs_created"), 34]);
  });
});

describe("while the demo history is loading", () => {
  it("says so instead of sending a partial report, and sends it once loaded", async () => {
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    demoLoading = true;
    try {
      const during = await requestReportTexts([t("report:menu_button"), t("report:months.5")]);
      expect(during).toEqual([t("report:demo_loading")]);
    } finally {
      demoLoading = false;
    }
    const after = await requestReportTexts([t("report:menu_button"), t("report:months.5")]);
    expect(after[0]).toBe(t("report:preparing", { month: "май 2021" }));
  });
});

async function requestReportTexts(steps: string[]) {
  const from = harness.telegram.calls.length;
  for (const step of steps) await staff.press(step);
  return callsSince(from, staff.id)
    .filter((c) => c.method === "sendMessage")
    .map((c) => String(c.payload.text));
}

describe("refusals", () => {
  it("refuses staff the country's report and someone else any report, whatever the button says", async () => {
    const t = (key: string) => harness.t("ru", key);
    const notAllowed = (replies: { text: string }[]) => replies.some((r) => r.text === t("errors.not_allowed"));
    expect(notAllowed(await staff.pressData(reportData.month({ kind: "country" }, "2021-05")))).toBe(true);
    expect(notAllowed(await staff.pressData(reportData.year({ kind: "region", regionId: 1 }, 2021)))).toBe(true);
    const seeker = await harness.readyPerson("ru");
    expect(notAllowed(await seeker.pressData(reportData.month({ kind: "mine" }, "2021-05")))).toBe(true);
    expect(notAllowed(await seeker.pressData(reportData.scopes()))).toBe(true);
  });

  it("answers a month that has not ended, or forged data, without a report", async () => {
    const replies = await staff.pressData("rep:m:c:2021-06");
    expect(replies.map((r) => r.method)).not.toContain("sendDocument");
    expect(replies.some((r) => r.text === harness.t("ru", "fallback.stale_button"))).toBe(true);
    const forged = await staff.pressData("rep:m:c:2021-13");
    expect(forged.map((r) => [r.method, r.text])).toEqual([
      ["answerCallbackQuery", harness.t("ru", "fallback.stale_button")],
    ]);
  });
});

describe("a project's figures of a month", () => {
  it("are entered by staff: the month, the work done and the jobs created, each checked", async () => {
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await staff.pressData(staffData.project(ids.P1!));
    const picker = await staff.press(t("report:figures.button"));
    expect(picker.at(-1)!.buttons.map(([, data]) => data)).not.toContain(staffData.figures(ids.P1!, "2021-06"));
    const asked = await staff.press(staffData.figures(ids.P1!, "2021-05"));
    expect(asked.filter((r) => r.method === "sendMessage").map((r) => r.text)).toEqual([
      t("report:figures.current", { month: "май 2021", work: formatNumber(10_000_000, "ru"), jobs: "20" }),
      t("staff:typed.ask.work_done"),
    ]);
    expect((await staff.send("двенадцать")).map((r) => r.text)).toEqual([
      t("staff:typed.invalid.work_done"),
      t("staff:typed.ask.work_done"),
    ]);
    expect((await staff.send("12,5 млн")).map((r) => r.text)).toEqual([t("staff:typed.ask.jobs_created")]);
    expect((await staff.send("-3")).map((r) => r.text)).toEqual([
      t("staff:typed.invalid.jobs_created"),
      t("staff:typed.ask.jobs_created"),
    ]);
    const saved = await staff.send("25");
    expect(saved[0]!.text).toBe(
      t("report:figures.saved", { month: "май 2021", work: formatNumber(12_500_000, "ru"), jobs: "25" }),
    );
    const figure = await database.db.monthlyFigure.findFirstOrThrow({
      where: { projectId: ids.P1!, month: new Date("2021-05-01") },
    });
    expect([Number(figure.workDone), figure.jobsCreated]).toEqual([12_500_000, 25]);
    const entry = await database.db.auditLog.findFirstOrThrow({
      where: { action: "record_monthly_figure", entityId: String(ids.P1) },
    });
    expect(entry.before).toEqual({ month: "2021-05", workDone: 10_000_000, jobsCreated: 20 });
  });

  it("are refused for a project outside the staff member's districts", async () => {
    const replies = await staff.pressData(staffData.figures(ids.P5!, "2021-05"));
    expect(replies.filter((r) => r.method === "sendMessage").map((r) => r.text)).toEqual([
      harness.t("ru", "errors.not_allowed"),
    ]);
    expect(
      await database.db.monthlyFigure.count({ where: { projectId: ids.P5!, month: new Date("2021-05-01") } }),
    ).toBe(1); // the data set's own
  });
});
