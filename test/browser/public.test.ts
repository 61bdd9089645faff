/// <reference lib="dom" />
// The public progress page in a real browser (Debian's Chromium) on the demo data with its history:
// the map shows the 17 regions, a click opens a region's districts, then a district's projects and a
// project's card; the numbers are the monthly report's; axe-core finds no serious violation; the
// screenshots for the README are saved under docs/.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/presentation/format.js";
import { seedDemoData } from "../../src/db/seed/demo.js";
import { reportMonth } from "../../src/domain/report.js";
import { buildMonthlyReport } from "../../src/services/reports/monthly-report.js";
import { hasChromium, launchChromium, seriousViolations } from "../helpers/browser.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { serveWeb } from "../helpers/web.js";

const DOCS = path.resolve(import.meta.dirname, "../../docs");
let database: TestDatabase;
let harness: Harness;
let browser: Browser;
let origin: string;
let close: () => Promise<void>;
const plain = (text: string | null) => (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe.skipIf(!hasChromium)("the public page in a browser", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    harness = await createHarness(database.store);
    ({ origin, close } = await serveWeb(harness, { botUsername: "roadmap_test_bot" }));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await database?.drop();
  });

  const targets = (page: import("playwright-core").Page) =>
    page
      .locator("figure.map a.city circle")
      .evaluateAll((circles) => circles.map((c) => c.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));

  it("on a desktop: names the regions on the map, the legend beside it, opens a region, a district (marked) and a project", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await page.goto(`${origin}/ru`);
    expect(await page.locator("figure.map svg > a[data-kato]:not(.city)").count()).toBe(17);
    expect(await page.locator("figure.map svg text.label").count()).toBe(14);
    for (const size of await targets(page)) expect(size).toBeGreaterThanOrEqual(44);
    const legend = await page.locator(".legend").boundingBox();
    expect(legend!.y + legend!.height).toBeLessThanOrEqual(800); // above the fold, beside the map
    expect(legend!.x).toBeGreaterThan((await page.locator(".map-drawing").boundingBox())!.x + 400);
    const report = await buildMonthlyReport(database.store, null, reportMonth(2020, 12));
    expect(plain(await page.locator("tfoot td").nth(5).textContent())).toBe(
      plain(formatNumber(report.totals.quota.hired, "ru")),
    );
    const almaty = report.regionQuotas.find((r) => r.nameRu === "город Алматы")!;
    expect(plain(await page.locator('tr[data-kato="750000000"] td').nth(5).textContent())).toBe(
      plain(formatNumber(almaty.hired, "ru")),
    );
    const fills = new Set(
      await page.locator("figure.map path.area").evaluateAll((paths) => paths.map((p) => p.getAttribute("fill"))),
    );
    expect(fills.size).toBeGreaterThanOrEqual(4); // the classes tell the regions apart
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, "public-map.png") });

    await page.locator('figure.map a.city[data-kato="750000000"]').click();
    await page.getByRole("heading", { level: 1, name: "город Алматы" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: t("public:region.choose_heading") }).count()).toBe(1);
    expect(await page.locator("figure.map svg > a[data-kato]").count()).toBe(8);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('figure.map a[data-kato="751710000"]').click(); // Medeu
    await page
      .getByRole("heading", {
        level: 1,
        name: t("public:region.title_district", { district: "Медеуский район", region: "город Алматы" }),
      })
      .waitFor();
    await page
      .getByRole("heading", { level: 2, name: t("public:table.projects_of", { district: "Медеуский район" }) })
      .waitFor();
    expect(await page.locator('tr.chosen[data-kato="751710000"]').count()).toBe(1);
    expect(await page.locator("path.area.chosen").count()).toBe(1);
    await page.screenshot({ path: path.join(DOCS, "public-region.png"), fullPage: true });
    const finished = page
      .locator("section table tbody tr", { hasText: t("projects:status.completed") })
      .locator("th a")
      .first();
    const name = plain(await finished.textContent());
    await finished.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByRole("link", { name: t("public:project.apply") }).count()).toBe(0); // a finished project invites nobody
    await page.getByText(t("public:project.closed.completed")).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole("link", { name: t("public:project.back", { district: "Медеуский район", region: "город Алматы" }) })
      .click();
    await page
      .getByRole("heading", {
        level: 1,
        name: t("public:region.title_district", { district: "Медеуский район", region: "город Алматы" }),
      })
      .waitFor();

    await page.getByRole("link", { name: "Қазақша" }).click();
    await page
      .getByRole("heading", {
        level: 2,
        name: harness.t("kk", "public:table.projects_of", { district: "Медеу ауданы" }),
      })
      .waitFor();
    await page.close();
  });

  it("on a phone: city symbols a finger can tap, the legend right under the map, and a district's visit scrolled to its projects", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await page.goto(`${origin}/ru`);
    for (const size of await targets(page)) expect(size).toBeGreaterThanOrEqual(44);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    const [map, legend] = [
      await page.locator(".map-drawing").boundingBox(),
      await page.locator(".legend").boundingBox(),
    ];
    expect(legend!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 1);
    expect(legend!.y).toBeLessThan(map!.y + map!.height + 120);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('figure.map a.city[data-kato="750000000"]').click();
    await page.getByRole("heading", { level: 1, name: "город Алматы" }).waitFor();
    await page.locator('table a[href*="district="]').first().click();
    const heading = page.locator("#projects-heading");
    await heading.waitFor();
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeLessThan(844); // scrolled to what was chosen
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, "public-phone.png") });
    expect(t("public:region.choose_heading")).not.toBe("");
    await page.close();
  });
});
