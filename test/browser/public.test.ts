/// <reference lib="dom" />
// The public progress page in a real browser (Debian's Chromium) on the demo data with its history:
// the map shows the 17 regions, a click opens a region's districts, then a district's projects and a
// project's card; the numbers are the monthly report's; axe-core finds no serious violation; the
// screenshots for the README are saved under docs/.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/bot/format.js";
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

  it("maps the 17 regions with the report's figures, opens a region's districts, a district's projects and a project", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);
    await page.goto(`${origin}/ru`);
    expect(await page.locator("figure.map svg a").count()).toBe(17);
    const report = await buildMonthlyReport(database.store, null, reportMonth(2020, 12));
    expect(plain(await page.locator("tfoot td").nth(5).textContent())).toBe(plain(formatNumber(report.totals.quota.hired, "ru")));
    const almaty = report.regionQuotas.find((r) => r.nameRu === "город Алматы")!;
    expect(plain(await page.locator('tr[data-kato="750000000"] td').nth(5).textContent())).toBe(plain(formatNumber(almaty.hired, "ru")));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, "public-map.png") });

    await page.locator('figure.map a[data-kato="750000000"]').click();
    await page.getByRole("heading", { level: 1, name: "город Алматы" }).waitFor();
    expect(await page.locator("figure.map svg a").count()).toBe(8);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('figure.map a[data-kato="751710000"]').click(); // Medeu
    await page.getByRole("heading", { level: 2, name: t("public:table.projects_of", { district: "Медеуский район" }) }).waitFor();
    await page.screenshot({ path: path.join(DOCS, "public-region.png"), fullPage: true });
    const firstProject = page.locator("section table tbody th a").first();
    const name = plain(await firstProject.textContent());
    await firstProject.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByRole("link", { name: t("public:project.apply") }).getAttribute("href")).toMatch(/^https:\/\/t\.me\/roadmap_test_bot\?start=p\d+$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Қазақша" }).click();
    await page.getByRole("link", { name: harness.t("kk", "public:project.apply") }).waitFor();
    await page.close();
  });
});
