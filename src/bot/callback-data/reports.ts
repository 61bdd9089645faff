// The monthly report's buttons. scope: c = my centres (staff), k = the country, r<id> = a region (admins).
import { z } from "zod";
import type { ReportScope } from "../../services/reports/report-scope.js";
import { callback, type Field } from "./callback.js";

const scopeToken = (s: ReportScope) => (s.kind === "mine" ? "c" : s.kind === "country" ? "k" : `r${s.regionId}`);

const scope: Field<ReportScope> = {
  read: z
    .string()
    .regex(/^(c|k|r[1-9]\d{0,8})$/)
    .transform(
      (token): ReportScope =>
        token === "c"
          ? { kind: "mine" }
          : token === "k"
            ? { kind: "country" }
            : { kind: "region", regionId: Number(token.slice(1)) },
    ),
  write: scopeToken,
  largest: "r999999999",
};
export const year: Field<number> = {
  read: z
    .string()
    .regex(/^20\d\d$/)
    .transform(Number),
  largest: "2099",
};
export const month: Field<string> = { read: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/), largest: "2099-12" };

export const reportCallbacks = {
  scopes: callback("rep:s", {}),
  year: callback("rep:y", { scope, year }),
  month: callback("rep:m", { scope, month }),
};

export const reportData = {
  scopes: () => reportCallbacks.scopes.pack({}),
  year: (s: ReportScope, y: number) => reportCallbacks.year.pack({ scope: s, year: y }),
  month: (s: ReportScope, key: string) => reportCallbacks.month.pack({ scope: s, month: key }),
};
