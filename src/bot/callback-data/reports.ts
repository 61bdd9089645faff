import { z } from "zod";
import type { ReportScope } from "../../services/reports/report-scope.js";
import { colonSeparated } from "./codec.js";

// rep:s (an admin chooses the territory) | rep:y:<scope>:<year> (months of a year) | rep:m:<scope>:<yyyy-mm>
// scope: c = my centres (staff), k = the country, r<id> = a region (admins)
const scope = z.string().regex(/^(c|k|r[1-9]\d{0,8})$/).transform((token): ReportScope =>
  token === "c" ? { kind: "mine" } : token === "k" ? { kind: "country" } : { kind: "region", regionId: Number(token.slice(1)) });
export const yearPart = z.string().regex(/^20\d\d$/).transform(Number);
export const monthPart = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/);

export const parseReportCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("rep"), z.literal("s")]),
    z.tuple([z.literal("rep"), z.literal("y"), scope, yearPart]),
    z.tuple([z.literal("rep"), z.literal("m"), scope, monthPart]),
  ]),
);

export const scopeToken = (s: ReportScope) => (s.kind === "mine" ? "c" : s.kind === "country" ? "k" : `r${s.regionId}`);

export const reportData = {
  scopes: () => "rep:s",
  year: (s: ReportScope, year: number) => `rep:y:${scopeToken(s)}:${year}`,
  month: (s: ReportScope, key: string) => `rep:m:${scopeToken(s)}:${key}`,
};

export const REPORT_CALLBACK = /^rep:/;
