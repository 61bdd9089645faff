// The public progress page (/, /kk, /ru), a region's and a project's pages, and the open data, on
// the bot's own HTTP server: no login, no personal data, nothing but the monthly report's figures.
import { Hono, type Context } from "hono";
import type { i18n } from "i18next";
import { z } from "zod";
import type { Lang } from "../../presentation/i18n.js";
import { PROGRAMME_YEARS } from "../../domain/rules.js";
import type { Services } from "../../services/index.js";
import type { RegionPage } from "../../services/public/progress.js";
import { boundedCache, stringBytes, type BoundedCache } from "./cache.js";
import { openDataRoutes } from "./open-data.js";
import { htmlPage } from "../html.js";
import { districtShapes, regionShapes } from "./map.js";
import { NotFound, ProgressPage, ProjectView, RegionView, type PageQuery, type SiteView } from "./views.js";
import { ReferralCheckView } from "./referral-view.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../project-root.js";

export interface PublicDeps {
  services: Services;
  /** The pages' caches (made here unless given: a test reads their size). */
  caches?: PublicCaches;
  i18n: i18n;
  now: () => Date;
  /** For the "Apply in Telegram" link (t.me/<bot>?start=p<id>); none without it. */
  botUsername?: string;
}

/** How long a page or a file is served from memory before it is made again. */
const CACHE_MS = 5 * 60_000;
const SITE_STYLE = readFileSync(path.join(projectRoot, "src", "web", "static", "site.css"), "utf8");
const FAVICON = readFileSync(path.join(projectRoot, "src", "web", "static", "favicon.svg"), "utf8");

/** Kazakh when the browser puts it before Russian (or alone), else Russian. */
export function acceptedLang(header: string | undefined): Lang {
  const tags = (header ?? "").split(",").map((part) => part.trim().split(";")[0]!.toLowerCase().split("-")[0]);
  const kk = tags.indexOf("kk");
  const ru = tags.indexOf("ru");
  return kk !== -1 && (ru === -1 || kk < ru) ? "kk" : "ru";
}

/**
 * The caches' bounds. Every page a visitor can reach is 2 languages × 2 years × 2 measures × (the
 * country, 17 regions and 217 districts): about 1,900 pages of 20–150 KB. The most visited fit in
 * 24 MB (the country's pages and the regions'); a page pushed out is made again in a few
 * milliseconds from its region's report, which has a cache of its own (2 years × 17 regions).
 */
const PAGES_MAX = 1_000;
const PAGES_MAX_BYTES = 24 * 1024 * 1024;
const REGION_REPORTS_MAX = 2 * 17;
const FILES_MAX = 8;

export interface PublicCaches {
  pages: BoundedCache<string>;
  regions: BoundedCache<RegionPage>;
  files: BoundedCache<{ body: string; etag: string }>;
}

export const createPublicCaches = (): PublicCaches => ({
  pages: boundedCache<string>({ ttlMs: CACHE_MS, max: PAGES_MAX, maxBytes: PAGES_MAX_BYTES, sizeOf: stringBytes }),
  regions: boundedCache<RegionPage>({ ttlMs: CACHE_MS, max: REGION_REPORTS_MAX }),
  files: boundedCache<{ body: string; etag: string }>({
    ttlMs: CACHE_MS,
    max: FILES_MAX,
    maxBytes: 64 * 1024 * 1024,
    sizeOf: (file) => stringBytes(file.body),
  }),
});

/** A region that does not exist: answered 404 and never cached. */
class NoSuchRegion extends Error {}

const pageQuery = z.object({
  year: z.preprocess(
    (v) => (v === undefined || v === "" ? String(PROGRAMME_YEARS[0]) : v),
    z.coerce.number().pipe(z.union(PROGRAMME_YEARS.map((y) => z.literal(y)))),
  ),
  measure: z.enum(["quota", "jobs"]).default("quota"),
  district: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
const id = z.coerce.number().int().positive().max(2_147_483_647);

export function publicRoutes(deps: PublicDeps): Hono {
  const site = new Hono();
  const { pages, regions, files } = deps.caches ?? createPublicCaches();
  const viewOf = (lang: Lang): SiteView => ({ t: deps.i18n.getFixedT(lang), lang });
  const notFound = (c: Context, lang: Lang) => c.html(htmlPage(<NotFound view={viewOf(lang)} />), 404);

  const progress = (c: Context, lang: Lang) => {
    const query = pageQuery.safeParse(c.req.query());
    if (!query.success) return notFound(c, lang);
    const { year, measure } = query.data as PageQuery;
    return pages
      .get(`progress:${lang}:${year}:${measure}`, async () => {
        const data = await deps.services.public.programmeProgress(year);
        return htmlPage(
          <ProgressPage view={viewOf(lang)} query={{ year, measure }} progress={data} shapes={regionShapes()} />,
        );
      })
      .then((html) => c.html(html));
  };

  site.get("/public/site.css", (c) =>
    c.body(SITE_STYLE, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }),
  );
  site.get("/favicon.svg", (c) =>
    c.body(FAVICON, 200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" }),
  );
  site.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));
  // The page chosen by the browser's language: caches must keep one per language.
  site.get("/", async (c) => {
    const answer = await progress(c, acceptedLang(c.req.header("accept-language")));
    answer.headers.set("vary", "Accept-Language");
    return answer;
  });
  site.get("/r/:code", (c) =>
    c.redirect(`/${acceptedLang(c.req.header("accept-language"))}/r/${encodeURIComponent(c.req.param("code"))}`, 302),
  );
  for (const lang of ["kk", "ru"] as const) {
    site.get(`/${lang}`, (c) => progress(c, lang));
    site.get(`/${lang}/region/:id`, async (c) => {
      const regionId = id.safeParse(c.req.param("id"));
      const query = pageQuery.safeParse(c.req.query());
      if (!regionId.success || !query.success) return notFound(c, lang);
      const { measure, district } = query.data;
      const year = query.data.year as PageQuery["year"];
      const page = await regions
        .get(`${regionId.data}:${year}`, async () => {
          const found = await deps.services.public.regionProgress(regionId.data, year);
          if (!found) throw new NoSuchRegion();
          return found;
        })
        .catch((error) => (error instanceof NoSuchRegion ? null : Promise.reject(error)));
      // Only the region's own districts: any other number would make (and keep) a page of its own.
      if (!page || (district !== undefined && !page.districts.some((d) => d.id === district))) return notFound(c, lang);
      const html = await pages.get(`region:${lang}:${regionId.data}:${year}:${measure}:${district ?? 0}`, async () =>
        htmlPage(
          <RegionView
            view={viewOf(lang)}
            query={{ year, measure }}
            page={page}
            shapes={districtShapes(page.region.kato)}
            district={district}
          />,
        ),
      );
      return c.html(html);
    });
    // A referral's check: never cached (its state changes), nothing but the initials of the person.
    site.get(`/${lang}/r/:code`, async (c) => {
      const code = c.req.param("code");
      const check = code.length <= 64 ? await deps.services.public.checkReferral(code) : null;
      c.header("cache-control", "no-store");
      c.header("x-robots-tag", "noindex");
      return c.html(htmlPage(<ReferralCheckView view={viewOf(lang)} code={code} check={check} />), check ? 200 : 404);
    });
    site.get(`/${lang}/project/:id`, async (c) => {
      const projectId = id.safeParse(c.req.param("id"));
      if (!projectId.success) return notFound(c, lang);
      const project = await deps.services.seekers.projectCard(projectId.data);
      if (!project) return notFound(c, lang);
      const district = await deps.services.places.districtById(project.districtId);
      const applyUrl = deps.botUsername ? `https://t.me/${deps.botUsername}?start=p${project.id}` : undefined;
      return c.html(
        htmlPage(
          <ProjectView
            view={viewOf(lang)}
            project={project}
            regionId={district!.regionId}
            applyUrl={applyUrl}
            asOf={deps.now()}
          />,
        ),
      );
    });
  }

  site.route(
    "/",
    openDataRoutes({
      services: deps.services,
      i18n: deps.i18n,
      now: deps.now,
      files,
      langOf: (c) => acceptedLang(c.req.header("accept-language")),
    }),
  );

  return site;
}

/**
 * Makes the pages and files most visited before anyone asks (at start-up, in the background): the
 * country's page in both languages and years, and the open data, through the routes themselves.
 */
export async function warmPublicPages(app: { request(path: string): Response | Promise<Response> }): Promise<void> {
  const paths = [
    ...PROGRAMME_YEARS.flatMap((year) => ["kk", "ru"].map((lang) => `/${lang}?year=${year}`)),
    "/open-data/projects.csv",
    "/open-data/projects.json",
    "/open-data/monthly-by-region.csv",
  ];
  for (const path of paths) await (await app.request(path)).arrayBuffer();
}
