// Open data that opens in the tools people have: CSV with a header row first (no comment line), the
// licence and the description in Link headers, CORS open, every column documented in a data package
// (datapackage.json, Frictionless) and on a page of its own (/open-data/), the "as of" month in every
// file. No byte-order mark unless asked (?bom=1): csvkit, pandas and Python's csv read the file as it
// is, and Excel on Windows needs the mark to read UTF-8.
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import type { i18n } from "i18next";
import { z } from "zod";
import type { Lang } from "../../presentation/i18n.js";
import type { Services } from "../../services/index.js";
import { csvDocument, type CsvCell } from "../../services/spreadsheet-cells.js";
import type { BoundedCache } from "./cache.js";
import { etagMatches } from "./etag.js";
import { htmlPage } from "../html.js";
import { MONTHLY_FIELDS, OPEN_DATA_FILES, PROJECT_FIELDS, type Field } from "./open-data-schema.js";

export const OPEN_DATA_LICENCE = "CC BY 4.0";
export const LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
const LINK = `<${LICENCE_URL}>; rel="license", </open-data/datapackage.json>; rel="describedby"; type="application/json"`;
const SOURCE = "Employment Roadmap bot, monthly monitoring figures (demo data)";

export interface OpenDataDeps {
  services: Services;
  i18n: i18n;
  now: () => Date;
  files: BoundedCache<{ body: string; etag: string }>;
  langOf: (c: Context) => Lang;
}

const bomQuery = z.object({ bom: z.enum(["0", "1"]).optional() });
const day = (date: Date) => date.toISOString().slice(0, 10);
const row = (fields: Field[], record: Record<string, CsvCell>) => fields.map((field) => record[field.name]);

/** The description of a column in both languages, as the data package carries it. */
const described = (i18n: i18n, name: string) =>
  (["kk", "ru"] as const).map((lang) => i18n.getFixedT(lang)(`public:open_data.field.${name}`)).join(" / ");

export function openDataRoutes(deps: OpenDataDeps): Hono {
  const site = new Hono();

  /** A file with its ETag (304 when the client has it), its licence and description linked, open to other sites. */
  const serve = async (c: Context, key: string, type: string, make: () => Promise<string>) => {
    const file = await deps.files.get(key, async () => {
      const body = await make();
      return { body, etag: `"${createHash("sha1").update(body).digest("hex")}"` };
    });
    const headers = {
      etag: file.etag,
      "cache-control": "public, max-age=300",
      link: LINK,
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "ETag, Link",
    };
    if (etagMatches(c.req.header("if-none-match"), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, { ...headers, "content-type": type });
  };
  const csvFile = (c: Context, key: string, make: () => Promise<CsvCell[][]>) => {
    const bom = bomQuery.safeParse(c.req.query()).data?.bom === "1";
    return serve(c, `${key}${bom ? ":bom" : ""}`, "text/csv; charset=utf-8; header=present", async () =>
      csvDocument(await make(), { bom }),
    );
  };

  const projectRecords = async () => {
    const { month, projects } = await deps.services.public.openProjects(deps.now());
    return projects.map(({ line, fields }) => ({
      id: line.id,
      name_kk: line.nameKk,
      name_ru: line.nameRu,
      region_kato: fields.district.region.kato,
      district_kato: fields.district.kato,
      object_group: fields.objectGroup,
      work_kind: fields.workKind,
      status: fields.status,
      contractor: fields.contractor?.name ?? null,
      bin: fields.contractor?.bin ?? null,
      start: day(fields.startDate),
      end: day(fields.endDate),
      planned_jobs: line.plannedJobs,
      permanent_jobs: fields.permanentJobs,
      quota: line.quota,
      referred_to_date: line.referred,
      hired_to_date: line.hired,
      quota_percent_to_date: line.percentMet,
      as_of_month: month,
    }));
  };

  site.get("/open-data/projects.csv", (c) =>
    csvFile(c, "projects.csv", async () => {
      const records = await projectRecords();
      return [PROJECT_FIELDS.map((f) => f.name), ...records.map((r) => row(PROJECT_FIELDS, r))];
    }),
  );
  site.get("/open-data/projects.json", (c) =>
    serve(c, "projects.json", "application/json; charset=utf-8", async () => {
      const projects = await projectRecords();
      return JSON.stringify({
        licence: OPEN_DATA_LICENCE,
        licenceUrl: LICENCE_URL,
        source: SOURCE,
        asOfMonth: projects[0]?.as_of_month ?? null,
        projects,
      });
    }),
  );
  site.get("/open-data/monthly-by-region.csv", (c) =>
    csvFile(c, "monthly-by-region.csv", async () => {
      const months = await deps.services.public.monthlyByRegion(deps.now());
      const asOf = months.at(-1)?.month ?? null;
      return [
        MONTHLY_FIELDS.map((f) => f.name),
        ...months.map((r) =>
          row(MONTHLY_FIELDS, {
            month: r.month,
            region_kato: r.kato,
            region_name_kk: r.nameKk,
            region_name_ru: r.nameRu,
            projects: r.projects,
            planned_jobs: r.plannedJobs,
            jobs_created_in_month: r.jobsCreated,
            work_done_in_month: r.workDone,
            quota: r.quota,
            referred_to_date: r.referred,
            hired_to_date: r.hired,
            quota_percent_to_date: r.quotaPercent,
            as_of_month: asOf,
          }),
        ),
      ];
    }),
  );

  /** The data package (Frictionless): every file, every column with its type, unit and period. */
  site.get("/open-data/datapackage.json", (c) =>
    serve(c, "datapackage.json", "application/json; charset=utf-8", async () =>
      JSON.stringify(
        {
          name: "employment-roadmap-kz",
          title: "Employment Roadmap 2020–2021: projects and monthly monitoring",
          licenses: [{ name: "CC-BY-4.0", path: LICENCE_URL, title: "Creative Commons Attribution 4.0" }],
          sources: [{ title: SOURCE }],
          resources: OPEN_DATA_FILES.map((file) => ({
            name: file.name,
            path: file.path,
            format: file.format,
            mediatype: file.mediatype,
            encoding: "utf-8",
            ...(file.format === "csv" ? { dialect: { delimiter: ",", header: true, quoteChar: '"' } } : {}),
            schema: {
              fields: file.fields.map((field) => ({
                name: field.name,
                type: field.type,
                description: described(deps.i18n, field.name),
                ...(field.unit ? { unit: field.unit } : {}),
                period: field.period,
                ...(field.type === "date" ? { format: "%Y-%m-%d" } : {}),
              })),
            },
          })),
        },
        null,
        2,
      ),
    ),
  );

  /** The same description as a page, in the visitor's language. */
  const readme = (c: Context) => {
    const lang = deps.langOf(c);
    const t = deps.i18n.getFixedT(lang);
    const table = (fields: Field[]) => (
      <table>
        <thead>
          <tr>
            <th scope="col">{t("public:open_data.column")}</th>
            <th scope="col">{t("public:open_data.meaning")}</th>
            <th scope="col">{t("public:open_data.period_label")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr>
              <th scope="row">
                <code>{f.name}</code>
              </th>
              <td>{t(`public:open_data.field.${f.name}`)}</td>
              <td>{t(`public:open_data.period.${f.period}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return c.html(
      htmlPage(
        <html lang={lang}>
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{t("public:open_data.heading")}</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <link rel="stylesheet" href="/public/site.css" />
          </head>
          <body>
            <main>
              <p>
                <a href={`/${lang}`}>{t("public:region.back")}</a>
              </p>
              <h1>{t("public:open_data.heading")}</h1>
              <p>{t("public:open_data.licence")}</p>
              <p>{t("public:open_data.readme")}</p>
              <ul>
                {OPEN_DATA_FILES.map((file) => (
                  <li>
                    <a href={`/open-data/${file.path}`}>
                      <code>{file.path}</code>
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/open-data/datapackage.json">
                    <code>datapackage.json</code>
                  </a>{" "}
                  — {t("public:open_data.datapackage")}
                </li>
              </ul>
              <h2>projects.csv, projects.json</h2>
              {table(PROJECT_FIELDS)}
              <h2>monthly-by-region.csv</h2>
              {table(MONTHLY_FIELDS)}
            </main>
          </body>
        </html>,
      ),
      200,
      { vary: "Accept-Language" },
    );
  };
  site.get("/open-data", readme);
  site.get("/open-data/", readme);

  return site;
}
