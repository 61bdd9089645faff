// A valid row of the monitoring-map import (its columns in IMPORT_COLUMNS' order): tests change
// only the cells they are about.
import { IMPORT_COLUMNS } from "../../src/services/import/read-table.js";
import { MEDEU } from "./places.js";

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_ROW: Readonly<Record<ImportColumn, string>> = {
  external_id: "T-1",
  name_kk: "Жоба",
  name_ru: "Проект",
  district_kato: MEDEU,
  object_group: "social",
  work_kind: "construction",
  status: "planned",
  contractor_name: "ТОО «Тест»",
  contractor_bin: "",
  estimated_cost: "1000000",
  start_date: "2021-05-01",
  end_date: "2021-12-01",
  planned_jobs: "10",
  permanent_jobs: "2",
  average_wage: "150000",
  quota_percent: "20",
  lat: "43.25",
  lon: "76.92",
  positions: "mason:5:150000",
};

/** The row's cells, IMPORT_ROW with `values` put in. */
export const importCells = (values: Partial<Record<ImportColumn, string>> = {}) =>
  IMPORT_COLUMNS.map((column) => values[column] ?? IMPORT_ROW[column]);
