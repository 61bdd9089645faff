// The public pages take their parameters from anyone on the internet, and the same process runs the
// bot: thousands of distinct queries must leave memory and the caches bounded, unknown places must
// be 404 and never cached, and everything that changes a page must be in its cache key. Also: the
// open data's CSV stays text under Excel's `;` reading, and If-None-Match is read as HTTP says.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicCaches, type PublicCaches } from "../../src/web/public/routes.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { ALMALY } from "../helpers/places.js";
import { addReportData } from "../helpers/report-data.js";
import { serveWeb } from "../helpers/web.js";

const NOW = new Date("2026-11-29T08:00:00Z");
const HOSTILE = "Школа;=1+2;@SUM(A1),-3\t+4";
let database: TestDatabase;
let harness: Harness;
let origin: string;
let close: () => Promise<void>;
let caches: PublicCaches;
let regions: Array<{ id: number; districts: number[] }>;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW }));
  await addReportData(database.db);
  await addProject(database.db, { districtKato: ALMALY, name: HOSTILE, lat: 43.25, lon: 76.9 });
  caches = createPublicCaches();
  ({ origin, close } = await serveWeb(harness, { now: () => NOW, publicCaches: caches }));
  regions = (
    await database.db.region.findMany({ include: { districts: { select: { id: true } } }, orderBy: { id: "asc" } })
  ).map((region) => ({ id: region.id, districts: region.districts.map((d) => d.id) }));
});

afterAll(async () => {
  await close();
  await closeTestBot({ database, harness });
});

describe("the public pages under many distinct queries", () => {
  it("answer unknown regions and other regions' districts 404 without caching them", async () => {
    const [almaty, other] = [regions[0]!, regions[1]!];
    expect((await get(`/ru/region/${almaty.id}?year=2021&district=${almaty.districts[0]}`)).status).toBe(200);
    const held = caches.pages.size;
    for (const path of [
      `/ru/region/999999?year=2021`,
      `/kk/region/2147483647`,
      `/ru/region/${almaty.id}?year=2021&district=${other.districts[0]}`,
      `/ru/region/${almaty.id}?year=2021&district=987654`,
      `/ru/region/${almaty.id}?year=2019`,
      `/ru/region/${almaty.id}?measure=x`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      await response.arrayBuffer();
    }
    expect(caches.pages.size).toBe(held);
  });

  it("key a page by its measure too: one visitor's choice does not show in another's links", async () => {
    const region = regions[0]!;
    const jobs = await (await get(`/ru/region/${region.id}?year=2021&measure=jobs`)).text();
    const quota = await (await get(`/ru/region/${region.id}?year=2021&measure=quota`)).text();
    expect(jobs).toContain("measure=jobs");
    expect(quota).not.toContain("measure=jobs");
  });

  it("keep memory and every cache bounded over 5,000 distinct queries", async () => {
    const before = heapAfterGc();
    const started = Date.now();
    // every page a visitor can reach (2 languages × 2 years × 2 measures × each region's districts), then again
    const pages = ["kk", "ru"].flatMap((lang) =>
      [2020, 2021].flatMap((year) =>
        ["jobs", "quota"].flatMap((measure) =>
          regions.flatMap((region) =>
            region.districts.map(
              (district) => `/${lang}/region/${region.id}?year=${year}&measure=${measure}&district=${district}`,
            ),
          ),
        ),
      ),
    );
    const statuses = new Map<number, number>();
    for (let i = 0, page = 0; i < 5_000; i++) {
      const query =
        i % 5 === 0
          ? `/ru/region/${100_000 + i}?year=2021` // no such region
          : i % 5 === 1
            ? `/kk/region/${regions[i % regions.length]!.id}?year=2021&district=${1_000 + i}` // no such district
            : pages[page++ % pages.length]!;
      const response = await get(query);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      await response.arrayBuffer();
    }
    const after = heapAfterGc();
    const grew = (after - before) / 1024 / 1024;
    console.log(
      `public pages: 5,000 queries (${pages.length} distinct pages, 2,000 unknown places) in ${((Date.now() - started) / 1000).toFixed(1)} s; answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `pages cached ${caches.pages.size} (${(caches.pages.bytes / 1024 / 1024).toFixed(1)} MB), region reports ${caches.regions.size}; heap grew ${grew.toFixed(1)} MB`,
    );
    expect(statuses.get(404)).toBe(2_000);
    expect(statuses.get(200)).toBe(3_000);
    expect(caches.pages.size).toBeLessThanOrEqual(1_000);
    expect(caches.pages.bytes).toBeLessThanOrEqual(24 * 1024 * 1024);
    expect(caches.regions.size).toBeLessThanOrEqual(34);
    expect(grew).toBeLessThan(48); // the pages' 24 MB, the region reports, and the rest of a warm process
  }, 120_000);
});

describe("the open data", () => {
  it("keeps a hostile name text under Excel's reading with `;`, `,` or tabs", async () => {
    const body = await (await get("/open-data/projects.csv")).text();
    expect(body).toContain("Школа;'=1+2;'@SUM(A1),'-3\t'+4");
    for (const separator of [";", ",", "\t", "\n"]) {
      for (const cell of body.split(separator)) {
        expect(cell.replace(/^[\s"]+/, ""), JSON.stringify(cell)).not.toMatch(/^[=+@]|^-\D/);
      }
    }
  });

  it("answers If-None-Match as HTTP says: a weak tag, one of a list, and *", async () => {
    const first = await get("/open-data/projects.json");
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, `W/"x", W/${etag}`, "*"]) {
      expect((await get("/open-data/projects.json", { "if-none-match": header })).status, header).toBe(304);
    }
    for (const header of ['"other"', `${etag.slice(0, -2)}"`]) {
      const response = await get("/open-data/projects.json", { "if-none-match": header });
      expect(response.status, header).toBe(200);
      await response.arrayBuffer();
    }
  });
});
