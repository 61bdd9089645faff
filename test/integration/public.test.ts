// The public progress page and the open data, over HTTP on the bot's own server: the same figures as
// the monthly report (compared number for number), both languages, a region's districts and a
// project's public card with its deep link, ETags, no personal data, a clear answer to bad links.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousMonth, reportMonth } from "../../src/domain/report.js";
import { buildMonthlyReport } from "../../src/services/reports/monthly-report.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";
import { serveWeb } from "../helpers/web.js";
import { ALMALY } from "../helpers/places.js";
import { addReportData } from "../helpers/report-data.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";

const NOW = new Date("2026-11-29T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let origin: string;
let close: () => Promise<void>;
let ids: Record<string, number>;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });
const text = async (path: string) => (await (await get(path)).text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** A CSV as a library reads it: the first line is its header, nothing else before it. */
const csvRows = (body: string) => parse(body, { columns: true }) as Array<Record<string, string>>;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW }));
  ids = await addReportData(database.db);
  await registerSeeker(database.store, harness.person(), {
    iin: makeIin("900101"),
    districtKato: ALMALY,
    fullName: "Секретова Тайна Личновна",
  });
  ({ origin, close } = await serveWeb(harness, { now: () => NOW, botUsername: "roadmap_test_bot" }));
});

afterAll(async () => {
  await close();
  await closeTestBot({ database, harness });
});

describe("the public page", () => {
  it("shows every region with the monthly report's figures of December, in Russian and in Kazakh", async () => {
    const report = await buildMonthlyReport(database.store, null, reportMonth(2021, 12));
    const html = await (await get("/ru?year=2021")).text();
    expect(
      new Set(
        [...html.matchAll(/<a href="\/ru\/region\/\d+\?year=2021" aria-label="[^"]*" data-kato="(\d+)"/g)].map(
          (m) => m[1],
        ),
      ).size,
    ).toBe(17);
    const almaty = report.regionQuotas.find((r) => r.nameRu === "город Алматы")!;
    const row = /<tr data-kato="750000000">(.*?)<\/tr>/s
      .exec(html)![1]!
      .replace(/<[^>]+>/g, "|")
      .split("|")
      .filter((c) => c.trim());
    expect(row).toEqual(expect.arrayContaining([String(almaty.hired), String(almaty.quota)]));
    const plan = report.regions.find((r) => r.nameRu === "город Алматы")!;
    expect(row).toContain(String(plan.jobsCreated));
    const footer = /<tfoot>(.*?)<\/tfoot>/s.exec(html)![1]!;
    expect(footer).toContain(`<td>${report.totals.quota.hired}</td>`);
    expect(await text("/kk?year=2021")).toContain(harness.t("kk", "public:title", { year: 2021 }));
    expect(await text("/")).toContain(harness.t("ru", "public:title", { year: 2020 }));
    expect(await text("/")).not.toBe(await text("/kk"));
    expect(await (await get("/", { "accept-language": "kk-KZ,kk;q=0.9" })).text()).toContain('lang="kk"');
  });

  it("opens a region's districts and their projects, and a project's public card with the link to apply in Telegram", async () => {
    const almaty = await database.db.region.findUniqueOrThrow({ where: { kato: "750000000" } });
    const almaly = await database.db.district.findUniqueOrThrow({ where: { kato: ALMALY } });
    const region = await (await get(`/ru/region/${almaty.id}?year=2021`)).text();
    expect(
      (region.match(/<a href="\/ru\/region\/\d+\?year=2021&amp;district=\d+#projects" aria-label=/g) ?? []).length,
    ).toBe(8);
    const district = await text(`/ru/region/${almaty.id}?year=2021&district=${almaly.id}`);
    expect(district).toContain("Проект P1");
    expect(district).not.toContain("Проект P5"); // Kyzylorda
    const project = await (await get(`/kk/project/${ids.P1}`)).text();
    expect(project).toContain(`href="https://t.me/roadmap_test_bot?start=p${ids.P1}"`);
    expect(project).toContain("P1 жобасы");
    expect(project).toContain("ТОО «Алатау Құрылыс»");
  });

  it("answers a page that does not exist with a clear 404 in the language asked", async () => {
    for (const path of [
      "/ru/region/999999",
      "/kk/project/999999",
      "/ru/project/abc",
      "/ru?year=2019",
      "/ru?measure=everything",
      "/ru/region/1?district=-4",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain(
        harness.t(path.startsWith("/kk") ? "kk" : "ru", "public:not_found"),
      );
    }
  });

  it("shows no personal data", async () => {
    for (const path of [
      "/ru",
      "/ru?year=2021",
      `/ru/project/${ids.P1}`,
      "/open-data/projects.csv",
      "/open-data/projects.json",
      "/open-data/monthly-by-region.csv",
    ]) {
      expect(await (await get(path)).text(), path).not.toContain("Секретова");
    }
  });

  it("sends security headers with no framing", async () => {
    const response = await get("/ru");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("the open data", () => {
  it("gives every project with the monthly report's figures, as CSV whose first line is its header, and as JSON", async () => {
    const report = await buildMonthlyReport(database.store, null, previousMonth(NOW));
    const response = await get("/open-data/projects.csv");
    expect(response.headers.get("link")).toContain('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.text();
    expect(body.charCodeAt(0)).not.toBe(0xfeff); // no BOM unless asked
    const rows = csvRows(body);
    expect(rows).toHaveLength(report.projects.length);
    for (const line of report.projects) {
      const row = rows.find((r) => Number(r.id) === line.id)!;
      expect([row.quota, row.referred_to_date, row.hired_to_date, row.planned_jobs].map(Number)).toEqual([
        line.quota,
        line.referred,
        line.hired,
        line.plannedJobs,
      ]);
      expect(row.as_of_month).toBe(report.month.key);
    }
    const json = (await (await get("/open-data/projects.json")).json()) as {
      licence: string;
      asOfMonth: string;
      projects: Array<{ id: number; hired_to_date: number }>;
    };
    expect(json.licence).toContain("CC BY 4.0");
    expect(json.asOfMonth).toBe(report.month.key);
    expect(json.projects.map((p) => [p.id, p.hired_to_date])).toEqual(report.projects.map((p) => [p.id, p.hired]));
    const excel = await (await get("/open-data/projects.csv?bom=1")).arrayBuffer();
    expect([...new Uint8Array(excel).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // for Excel on Windows
  });

  it("gives each month of the programme by region with that month's report figures, month and running totals apart", async () => {
    const rows = csvRows(await (await get("/open-data/monthly-by-region.csv")).text());
    // From the programme's approval (27 March 2020) to December 2021.
    expect(new Set(rows.map((r) => r.month))).toEqual(
      new Set(
        Array.from({ length: 22 }, (_, i) => reportMonth(2020 + Math.floor((i + 2) / 12), ((i + 2) % 12) + 1).key),
      ),
    );
    expect(new Set(rows.map((r) => r.as_of_month))).toEqual(new Set(["2021-12"]));
    for (const month of [reportMonth(2021, 5), reportMonth(2021, 4)]) {
      const report = await buildMonthlyReport(database.store, null, month);
      for (const line of report.regionQuotas) {
        const row = rows.find((r) => r.month === month.key && r.region_name_ru === line.nameRu)!;
        expect([row.quota, row.referred_to_date, row.hired_to_date].map(Number), `${month.key} ${line.nameRu}`).toEqual(
          [line.quota, line.referred, line.hired],
        );
      }
      const jobs = rows
        .filter((r) => r.month === month.key)
        .reduce((sum, r) => sum + Number(r.jobs_created_in_month), 0);
      expect(jobs).toBe(report.jobs.jobsCreated);
    }
  });

  it("documents every column of every file in a data package and on a page, and the files have exactly those columns", async () => {
    const described = (await (await get("/open-data/datapackage.json")).json()) as {
      licenses: Array<{ name: string }>;
      resources: Array<{
        path: string;
        format: string;
        schema: { fields: Array<{ name: string; description: string; period: string }> };
      }>;
    };
    expect(described.licenses[0]!.name).toBe("CC-BY-4.0");
    for (const resource of described.resources) {
      const names = resource.schema.fields.map((f) => f.name);
      for (const field of resource.schema.fields) {
        expect(field.description, field.name).not.toMatch(/open_data\.field|undefined/);
        expect(["month", "to_date", "fact"]).toContain(field.period);
      }
      const body = await (await get(`/open-data/${resource.path}`)).text();
      const columns =
        resource.format === "csv"
          ? Object.keys(csvRows(body)[0]!)
          : Object.keys((JSON.parse(body) as { projects: Array<Record<string, unknown>> }).projects[0]!);
      expect(columns, resource.path).toEqual(names);
    }
    const page = await (await get("/open-data/", { "accept-language": "kk" })).text();
    expect(page).toContain(harness.t("kk", "public:open_data.field.hired_to_date"));
    expect(page).toContain(harness.t("kk", "public:open_data.period.to_date"));
  });

  it("answers 304 to a client that holds the same file (ETag), and sends it compressed to one that asks", async () => {
    const first = await get("/open-data/projects.csv");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^(W\/)?"[0-9a-f]{40}"$/);
    const again = await get("/open-data/projects.csv", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect((await get("/open-data/projects.csv", { "if-none-match": '"other"' })).status).toBe(200);
    for (const path of ["/ru", "/open-data/projects.json", "/open-data/projects.csv"]) {
      expect((await get(path, { "accept-encoding": "gzip" })).headers.get("content-encoding"), path).toBe("gzip");
    }
  });
});

describe("the public pages as people meet them", () => {
  it("invite applications only to open projects with room, and say what the figures are as of", async () => {
    const open = await (await get(`/ru/project/${ids.P1}`)).text();
    expect(open).toContain("https://t.me/roadmap_test_bot?start=p");
    expect(open).toContain(harness.t("ru", "public:project.as_of", { date: "29.11.2026" }));
    for (const [key, reason] of [
      ["P2", "completed"],
      ["P3", "commissioned"],
    ] as const) {
      const closed = await (await get(`/ru/project/${ids[key]}`)).text();
      expect(closed, key).not.toContain("t.me/roadmap_test_bot");
      expect(closed, key).not.toContain(harness.t("ru", "public:project.open"));
      expect(closed, key).toContain(harness.t("ru", `public:project.closed.${reason}`));
    }
  });

  it("name every region on the map, the three cities in the legend, and colour by the figures' own classes", async () => {
    const html = await (await get("/ru?year=2021")).text();
    const labels = [...html.matchAll(/<text [^>]*class="label"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(14);
    expect([...html.matchAll(/class="city" data-kato="(\d+)"/g)].map((m) => m[1]).sort()).toEqual([
      "710000000",
      "750000000",
      "790000000",
    ]);
    expect(html).toContain(harness.t("ru", "public:map.cities"));
    const fills = new Set([...html.matchAll(/<path [^>]*fill="(#[0-9a-f]{6})" class="area/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThan(1);
  });

  it("head a district's page with its name, mark it, and lead a project back to it", async () => {
    const almaty = await database.db.region.findUniqueOrThrow({ where: { kato: "750000000" } });
    const almaly = await database.db.district.findUniqueOrThrow({ where: { kato: ALMALY } });
    const before = await (await get(`/ru/region/${almaty.id}?year=2021`)).text();
    expect(before).toContain(harness.t("ru", "public:region.choose_heading"));
    const page = await (await get(`/ru/region/${almaty.id}?year=2021&district=${almaly.id}`)).text();
    expect(page).toContain(
      `<h1>${harness.t("ru", "public:region.title_district", { district: almaly.nameRu, region: almaty.nameRu })}</h1>`,
    );
    expect(page).toMatch(new RegExp(`<tr data-kato="${ALMALY}" class="chosen">`));
    expect(page).toMatch(/class="area chosen"/);
    const project = await (await get(`/ru/project/${ids.P1}`)).text();
    expect(project).toContain(`href="/ru/region/${almaty.id}?district=${almaly.id}#projects"`);
  });

  it("have a favicon, language links without flags, and vary by the browser's language", async () => {
    const home = await get("/", { "accept-language": "kk" });
    expect(home.headers.get("vary")).toContain("Accept-Language");
    const html = await home.text();
    expect(html).toContain('rel="icon"');
    expect(html).not.toMatch(/🇰🇿|🇷🇺/u);
    const icon = await get("/favicon.svg");
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
  });
});
