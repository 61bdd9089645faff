// The public progress pages: the country's map and table, a region's districts and projects, a
// project's public card. Server-rendered HTML with no script: every link and table works as it is.
import type { Child } from "hono/jsx";
import { formatDate, formatNumber, localName } from "../../presentation/format.js";
import { LANGUAGES, type Lang, type Translate } from "../../presentation/i18n.js";
import { isOpenStatus } from "../../domain/project-status.js";
import { referralQuota } from "../../domain/quota.js";
import { PROGRAMME_YEARS } from "../../domain/rules.js";
import type { ProjectCard } from "../../services/projects.js";
import type { AreaProgress, ProgrammeProgress, RegionPage } from "../../services/public/progress.js";
import { classesOf, fillOf, NO_DATA_FILL, type Measure } from "./colour.js";
import { MAP_HEIGHT, MAP_WIDTH, type MapShape } from "./map.js";

export interface SiteView {
  t: Translate;
  lang: Lang;
}

export interface PageQuery {
  year: (typeof PROGRAMME_YEARS)[number];
  measure: Measure;
}

/** A page's path and query under the language (the language switch keeps them). */
const suffix = (path: string, query: Partial<PageQuery> & { district?: number } = {}) => {
  const params = new URLSearchParams();
  if (query.year && query.year !== PROGRAMME_YEARS[0]) params.set("year", String(query.year));
  if (query.measure && query.measure !== "quota") params.set("measure", query.measure);
  if (query.district) params.set("district", String(query.district));
  const search = params.toString();
  return `${path}${search ? `?${search}` : ""}`;
};
const link = (view: SiteView, path: string, query: Partial<PageQuery> & { district?: number } = {}) =>
  `/${view.lang}${suffix(path, query)}`;

const percent = (view: SiteView, value: number | null) =>
  value === null ? "—" : `${formatNumber(value, view.lang)} %`;
const count = (view: SiteView, value: number) => formatNumber(value, view.lang);

export function Layout(props: { view: SiteView; title: string; path: string; children?: Child }) {
  const { view } = props;
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${view.t("public:brand")}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/public/site.css" />
      </head>
      <body>
        <header class="site">
          <a class="brand" href={`/${view.lang}`}>
            {view.t("public:brand")}
          </a>
          <nav aria-label={view.t("public:language")}>
            {LANGUAGES.map((lang) => (
              <a
                href={`/${lang}${props.path}`}
                lang={lang}
                hreflang={lang}
                aria-current={view.lang === lang ? "true" : undefined}
              >
                {view.t(`public:language_name.${lang}`)}
              </a>
            ))}
          </nav>
        </header>
        <main>{props.children}</main>
        <footer class="site">
          <p>{view.t("public:open_data.licence")}</p>
        </footer>
      </body>
    </html>
  );
}

function Choices(props: { view: SiteView; path: string; query: PageQuery; measures?: boolean }) {
  const { view, query } = props;
  return (
    <div class="choices">
      <nav aria-label={view.t("public:year")}>
        {PROGRAMME_YEARS.map((year) => (
          <a href={link(view, props.path, { ...query, year })} aria-current={year === query.year ? "true" : undefined}>
            {year}
          </a>
        ))}
      </nav>
      {props.measures === false ? null : (
        <nav aria-label={view.t("public:measure.label")}>
          {(["quota", "jobs"] as const).map((measure) => (
            <a
              href={link(view, props.path, { ...query, measure })}
              aria-current={measure === query.measure ? "true" : undefined}
            >
              {view.t(`public:measure.${measure}`)}
            </a>
          ))}
        </nav>
      )}
    </div>
  );
}

interface Area {
  kato: string;
  name: string;
  href: string;
  value: number | null;
  city?: boolean;
}

/** A short name for a label on the map: the word "region" / "облысы" / "область" left to the table. */
const shortName = (name: string) => name.replace(/\s+(облысы|область)$/i, "");

function MapFigure(props: {
  view: SiteView;
  label: string;
  shapes: MapShape[];
  areas: Area[];
  chosen?: string;
  note?: string;
}) {
  const { view } = props;
  const byKato = new Map(props.areas.map((a) => [a.kato, a]));
  const classes = classesOf(props.areas.map((a) => a.value));
  const text = (area: Area) => view.t("public:map.area", { name: area.name, value: percent(view, area.value) });
  // The chosen area last, so that its outline is drawn over its neighbours'.
  const shapes = [...props.shapes].sort((a, b) => Number(a.kato === props.chosen) - Number(b.kato === props.chosen));
  const cities = props.areas.filter((a) => a.city);
  return (
    <figure class="map">
      <div class="map-drawing">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; role="group" names the map's links as one whole */}
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="group"
          aria-label={props.label}
          xmlns="http://www.w3.org/2000/svg"
        >
          {shapes.map((shape) => {
            const area = byKato.get(shape.kato);
            const chosen = shape.kato === props.chosen ? " chosen" : "";
            if (!area) return <path d={shape.d} fill={NO_DATA_FILL} class="area" />;
            return (
              <a
                href={area.href}
                aria-label={text(area)}
                data-kato={shape.kato}
                aria-current={chosen ? "true" : undefined}
              >
                <path d={shape.d} fill={fillOf(classes, area.value)} class={`area${chosen}`}>
                  <title>{text(area)}</title>
                </path>
              </a>
            );
          })}
          {/* Names where there is room; the three cities are symbols big enough for a finger, named in the legend. */}
          {props.shapes.map((shape) => {
            const area = byKato.get(shape.kato);
            if (!area || area.city) return null;
            return (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG <text> is not focusable; the area's name is read from its link
              <text x={shape.centre[0]} y={shape.centre[1]} class="label" text-anchor="middle" aria-hidden="true">
                {shortName(area.name)}
              </text>
            );
          })}
          {cities.map((city, i) => {
            const shape = props.shapes.find((s) => s.kato === city.kato);
            if (!shape) return null;
            return (
              <a href={city.href} aria-label={`${i + 1}. ${text(city)}`} class="city" data-kato={city.kato}>
                <circle
                  cx={shape.centre[0]}
                  cy={shape.centre[1]}
                  class="city-mark"
                  fill={fillOf(classes, city.value)}
                />
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG <text> is not focusable; the link's aria-label names the city */}
                <text
                  x={shape.centre[0]}
                  y={shape.centre[1]}
                  class="city-number"
                  text-anchor="middle"
                  dominant-baseline="central"
                  aria-hidden="true"
                >
                  {i + 1}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <p class="legend-title">{view.t("public:map.legend")}</p>
        <ul class="legend">
          {classes.map((c) => (
            <li>
              <svg width="16" height="16" aria-hidden="true">
                <rect width="16" height="16" fill={c.fill} />
              </svg>
              {c.from === c.to
                ? view.t("public:map.range_single", { from: count(view, c.from) })
                : view.t("public:map.range", { from: count(view, c.from), to: count(view, c.to) })}
            </li>
          ))}
          <li>
            <svg width="16" height="16" aria-hidden="true">
              <rect width="16" height="16" fill={NO_DATA_FILL} />
            </svg>
            {view.t("public:map.no_data")}
          </li>
        </ul>
        <p class="note">{view.t("public:map.classes")}</p>
        {cities.length ? (
          <>
            <p class="legend-title">{view.t("public:map.cities")}</p>
            <ol class="cities">
              {cities.map((city) => (
                <li>
                  <a href={city.href}>{city.name}</a>: {percent(view, city.value)}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {props.note ? <p class="note">{props.note}</p> : null}
        <p class="attribution">{view.t("public:map.attribution")}</p>
      </figcaption>
    </figure>
  );
}

function OpenData(props: { view: SiteView }) {
  const { view } = props;
  return (
    <section aria-labelledby="open-data">
      <h2 id="open-data">{view.t("public:open_data.heading")}</h2>
      <ul>
        <li>
          <a href="/open-data/projects.csv">{view.t("public:open_data.projects_csv")}</a>
        </li>
        <li>
          <a href="/open-data/projects.json">{view.t("public:open_data.projects_json")}</a>
        </li>
        <li>
          <a href="/open-data/monthly-by-region.csv">{view.t("public:open_data.monthly_csv")}</a>
        </li>
        <li>
          <a href="/open-data/">{view.t("public:open_data.columns_link")}</a>
        </li>
      </ul>
      <p>{view.t("public:open_data.about")}</p>
    </section>
  );
}

export function ProgressPage(props: {
  view: SiteView;
  query: PageQuery;
  progress: ProgrammeProgress;
  shapes: MapShape[];
}) {
  const { view, query, progress } = props;
  const t = view.t;
  const measure = t(`public:measure.${query.measure}`);
  const areas: Area[] = progress.regions.map((r) => ({
    kato: r.kato,
    name: localName(view.lang, r),
    href: link(view, `/region/${r.id}`, query),
    value: query.measure === "quota" ? r.quotaPercent : r.jobsPercent,
    city: r.kind === "city",
  }));
  const { quota, plan } = progress.totals;
  const total = (key: "projects" | "plannedJobs") => progress.regions.reduce((sum, r) => sum + r[key], 0);
  return (
    <Layout view={view} title={t("public:title", { year: query.year })} path={suffix("", query)}>
      <h1>{t("public:title", { year: query.year })}</h1>
      <p>{t("public:intro", { year: query.year })}</p>
      <Choices view={view} path="" query={query} />
      <MapFigure view={view} label={t("public:map.label", { measure })} shapes={props.shapes} areas={areas} />
      <section class="table-wrap" tabindex={0} aria-labelledby="regions">
        <table>
          <caption id="regions">{t("public:table.regions", { year: query.year })}</caption>
          <thead>
            <tr>
              {[
                "region",
                "projects",
                "year_planned",
                "jobs_created",
                "jobs_percent",
                "quota",
                "hired",
                "quota_percent",
                "permanent",
              ].map((key) => (
                <th scope="col">{t(`public:table.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.regions.map((r) => (
              <tr data-kato={r.kato}>
                <th scope="row">
                  <a href={link(view, `/region/${r.id}`, query)}>{localName(view.lang, r)}</a>
                </th>
                <td>{count(view, r.projects)}</td>
                <td>{count(view, r.yearPlannedJobs)}</td>
                <td>{count(view, r.jobsCreated)}</td>
                <td>{percent(view, r.jobsPercent)}</td>
                <td>{count(view, r.quota)}</td>
                <td>{count(view, r.hired)}</td>
                <td>{percent(view, r.quotaPercent)}</td>
                <td>{`${count(view, r.permanentCreated)} / ${count(view, r.plannedPermanent)}`}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("public:table.total")}</th>
              <td>{count(view, total("projects"))}</td>
              <td>{count(view, plan.plannedJobs)}</td>
              <td>{count(view, plan.jobsCreated)}</td>
              <td>{percent(view, plan.jobsPercent)}</td>
              <td>{count(view, quota.quota)}</td>
              <td>{count(view, quota.hired)}</td>
              <td>{percent(view, quota.percentMet)}</td>
              <td>{`${count(view, plan.permanentCreated)} / ${count(view, plan.plannedPermanent)}`}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <OpenData view={view} />
    </Layout>
  );
}

function AreaTable(props: {
  view: SiteView;
  caption: string;
  rows: Array<AreaProgress & { href: string }>;
  current?: number;
}) {
  const { view } = props;
  const t = view.t;
  return (
    <section class="table-wrap" tabindex={0} aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {["district", "projects", "planned_jobs", "quota", "hired", "quota_percent"].map((key) => (
              <th scope="col">{t(`public:table.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-kato={r.kato} class={props.current === r.id ? "chosen" : undefined}>
              <th scope="row">
                <a href={r.href} aria-current={props.current === r.id ? "true" : undefined}>
                  {localName(view.lang, r)}
                </a>
              </th>
              <td>{count(view, r.projects)}</td>
              <td>{count(view, r.plannedJobs)}</td>
              <td>{count(view, r.quota)}</td>
              <td>{count(view, r.hired)}</td>
              <td>{percent(view, r.quotaPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function RegionView(props: {
  view: SiteView;
  query: PageQuery;
  page: RegionPage;
  shapes: MapShape[];
  district?: number;
}) {
  const { view, query, page } = props;
  const t = view.t;
  const regionName = localName(view.lang, page.region);
  const path = `/region/${page.region.id}`;
  // A district's link opens its projects: on a phone, the page goes straight to them.
  const districtLink = (id: number) => `${link(view, path, { ...query, district: id })}#projects`;
  const chosen = props.district ? page.districts.find((d) => d.id === props.district) : undefined;
  const projects = chosen ? page.projects.filter((p) => p.districtId === chosen.id) : [];
  const title = chosen
    ? t("public:region.title_district", { district: localName(view.lang, chosen), region: regionName })
    : regionName;
  return (
    <Layout view={view} title={title} path={suffix(path, { ...query, district: props.district })}>
      <p>
        <a href={link(view, "", query)}>{t("public:region.back")}</a>
      </p>
      <h1>{title}</h1>
      <Choices view={view} path={path} query={query} measures={false} />
      <MapFigure
        view={view}
        label={t("public:map.district_label", { measure: t("public:measure.quota") })}
        shapes={props.shapes}
        chosen={chosen?.kato}
        areas={page.districts.map((d) => ({
          kato: d.kato,
          name: localName(view.lang, d),
          href: districtLink(d.id),
          value: d.quotaPercent,
        }))}
        note={
          page.districts.some((d) => !props.shapes.some((shape) => shape.kato === d.kato))
            ? t("public:map.no_polygon")
            : undefined
        }
      />
      <AreaTable
        view={view}
        caption={t("public:table.districts", { year: query.year })}
        rows={page.districts.map((d) => ({ ...d, href: districtLink(d.id) }))}
        current={chosen?.id}
      />
      <section aria-labelledby="projects-heading" id="projects">
        <h2 id="projects-heading">
          {chosen
            ? t("public:table.projects_of", { district: localName(view.lang, chosen) })
            : t("public:region.choose_heading")}
        </h2>
        {!chosen ? (
          <p>{t("public:region.choose_district")}</p>
        ) : projects.length === 0 ? (
          <p>{t("public:region.no_projects")}</p>
        ) : (
          <section class="table-wrap" tabindex={0} aria-labelledby="projects-heading">
            <table>
              <thead>
                <tr>
                  {["project", "status", "planned_jobs", "quota", "hired", "quota_percent"].map((key) => (
                    <th scope="col">{t(`public:table.${key}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={link(view, `/project/${p.id}`)}>{localName(view.lang, p)}</a>
                    </th>
                    <td>{t(`projects:status.${p.status}`)}</td>
                    <td>{count(view, p.plannedJobs)}</td>
                    <td>{count(view, p.quota)}</td>
                    <td>{count(view, p.hired)}</td>
                    <td>{percent(view, p.percentMet)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </Layout>
  );
}

/** Why a project takes no applications now, if it takes none: done, in operation, or full. */
const closedReason = (project: ProjectCard, open: number) =>
  !isOpenStatus(project.status) ? project.status : open === 0 ? "full" : null;

export function ProjectView(props: {
  view: SiteView;
  project: ProjectCard;
  regionId: number;
  applyUrl?: string;
  asOf: Date;
}) {
  const { view, project } = props;
  const t = view.t;
  const name = localName(view.lang, project);
  const open = project.positions.reduce((sum, p) => sum + Math.max(0, p.count - p.taken), 0);
  const closed = closedReason(project, open);
  const field = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const district = localName(view.lang, project.district);
  const region = localName(view.lang, project.district.region);
  return (
    <Layout view={view} title={name} path={`/project/${project.id}`}>
      <p>
        <a href={`${link(view, `/region/${props.regionId}`, { district: project.districtId })}#projects`}>
          {t("public:project.back", { district, region })}
        </a>
      </p>
      <h1>{name}</h1>
      <p class="as-of">{t("public:project.as_of", { date: formatDate(props.asOf) })}</p>
      {closed ? (
        <p class="closed" role="status">
          {t(`public:project.closed.${closed}`)}
        </p>
      ) : null}
      <dl>
        {field(t("public:project.place"), `${district}, ${region}`)}
        {field(t("public:project.contractor"), project.contractor?.name ?? "—")}
        {field(
          t("public:project.dates"),
          t("public:project.dates_value", { start: formatDate(project.startDate), end: formatDate(project.endDate) }),
        )}
        {field(t("public:project.status"), t(`projects:status.${project.status}`))}
        {field(t("public:project.jobs"), count(view, project.plannedJobs))}
        {field(
          t("public:project.quota"),
          `${count(view, referralQuota(project.plannedJobs, project.quotaPercent))} (${project.quotaPercent} %)`,
        )}
        {field(t("public:project.referred"), count(view, project.referred))}
        {closed ? null : field(t("public:project.open"), count(view, open))}
      </dl>
      <section aria-labelledby="positions">
        <h2 id="positions">{t("public:project.positions")}</h2>
        <section class="table-wrap" tabindex={0} aria-labelledby="positions">
          <table>
            <thead>
              <tr>
                {["profession", "places", "open_places", "wage"].map((key) => (
                  <th scope="col">{t(`public:project.${key}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {project.positions.map((p) => (
                <tr>
                  <th scope="row">{localName(view.lang, p.profession)}</th>
                  <td>{count(view, p.count)}</td>
                  <td>{closed ? "—" : count(view, Math.max(0, p.count - p.taken))}</td>
                  <td>{count(view, p.monthlyWage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      {props.applyUrl && !closed ? (
        <p class="apply">
          <a class="button" href={props.applyUrl}>
            {t("public:project.apply")}
          </a>
          <br />
          <span>{t("public:project.apply_hint")}</span>
        </p>
      ) : null}
    </Layout>
  );
}

export function NotFound(props: { view: SiteView }) {
  return (
    <Layout view={props.view} title={props.view.t("public:not_found")} path="">
      <h1>{props.view.t("public:not_found")}</h1>
    </Layout>
  );
}
