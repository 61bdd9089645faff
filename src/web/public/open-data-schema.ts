// The open data's columns, described once: the CSV headers, the JSON keys, the data package
// (Frictionless Table Schema) and the /open-data/ page all come from here, so that a column cannot
// be written without being documented. Descriptions are in the locales (public:open_data.field.*).

/** "month": that month's own figure; "to_date": the running total up to the month's end; "fact": not a count over time. */
export type Period = "month" | "to_date" | "fact";

export interface Field {
  name: string;
  type: "integer" | "number" | "string" | "date" | "yearmonth";
  unit?: "people" | "jobs" | "tenge" | "percent" | "projects";
  period: Period;
}

export const PROJECT_FIELDS: Field[] = [
  { name: "id", type: "integer", period: "fact" },
  { name: "name_kk", type: "string", period: "fact" },
  { name: "name_ru", type: "string", period: "fact" },
  { name: "region_kato", type: "string", period: "fact" },
  { name: "district_kato", type: "string", period: "fact" },
  { name: "object_group", type: "string", period: "fact" },
  { name: "work_kind", type: "string", period: "fact" },
  { name: "status", type: "string", period: "fact" },
  { name: "contractor", type: "string", period: "fact" },
  { name: "bin", type: "string", period: "fact" },
  { name: "start", type: "date", period: "fact" },
  { name: "end", type: "date", period: "fact" },
  { name: "planned_jobs", type: "integer", unit: "jobs", period: "fact" },
  { name: "permanent_jobs", type: "integer", unit: "jobs", period: "fact" },
  { name: "quota", type: "integer", unit: "people", period: "fact" },
  { name: "referred_to_date", type: "integer", unit: "people", period: "to_date" },
  { name: "hired_to_date", type: "integer", unit: "people", period: "to_date" },
  { name: "quota_percent_to_date", type: "number", unit: "percent", period: "to_date" },
  { name: "as_of_month", type: "yearmonth", period: "fact" },
];

export const MONTHLY_FIELDS: Field[] = [
  { name: "month", type: "yearmonth", period: "fact" },
  { name: "region_kato", type: "string", period: "fact" },
  { name: "region_name_kk", type: "string", period: "fact" },
  { name: "region_name_ru", type: "string", period: "fact" },
  { name: "projects", type: "integer", unit: "projects", period: "to_date" },
  { name: "planned_jobs", type: "integer", unit: "jobs", period: "to_date" },
  { name: "jobs_created_in_month", type: "integer", unit: "jobs", period: "month" },
  { name: "work_done_in_month", type: "integer", unit: "tenge", period: "month" },
  { name: "quota", type: "integer", unit: "people", period: "to_date" },
  { name: "referred_to_date", type: "integer", unit: "people", period: "to_date" },
  { name: "hired_to_date", type: "integer", unit: "people", period: "to_date" },
  { name: "quota_percent_to_date", type: "number", unit: "percent", period: "to_date" },
  { name: "as_of_month", type: "yearmonth", period: "fact" },
];

export const OPEN_DATA_FILES = [
  { path: "projects.csv", name: "projects", format: "csv", mediatype: "text/csv", fields: PROJECT_FIELDS },
  {
    path: "projects.json",
    name: "projects-json",
    format: "json",
    mediatype: "application/json",
    fields: PROJECT_FIELDS,
  },
  {
    path: "monthly-by-region.csv",
    name: "monthly-by-region",
    format: "csv",
    mediatype: "text/csv",
    fields: MONTHLY_FIELDS,
  },
] as const;
