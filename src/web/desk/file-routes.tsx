// The desk's files: the queue as XLSX (with its filters), the report as XLSX and CSV, and a link
// Telegram can open by itself (Telegram.WebApp.downloadFile) signed for one of them.
import { Hono } from "hono";
import { z } from "zod";
import { kazakhstanDay } from "../../domain/report.js";
import { formatNumber } from "../../presentation/format.js";
import { reportCsv, reportWorkbook } from "../../presentation/reports/report-files.js";
import { DESK_EXPORT_MAX_ROWS } from "../../services/desk/queue.js";
import { attachment, BadInput, type DeskDeps, type DeskEnv, staffOf, valid, XLSX } from "./context.js";
import { DOWNLOADABLE, signDownload } from "./download-link.js";
import { queueWorkbook } from "./queue-workbook.js";
import { filterOf, queueQuery } from "./queue-routes.js";
import { monthQuery, reportOf } from "./report-routes.js";

/** The file's path under /app/ with its filters. (A file's own query carries the signed `link` beside its filters: auth.tsx reads it.) */
const linkQuery = z.object({ for: z.string().max(2_000) });

export function fileRoutes(deps: DeskDeps) {
  const { services } = deps;
  return new Hono<DeskEnv>()
    .get("/link", valid("query", linkQuery), (c) => {
      const target = new URL(c.req.valid("query").for, "http://desk.invalid/");
      const file = DOWNLOADABLE.find((name) => target.pathname === `/${name}`);
      if (!file) throw new BadInput(["for"]);
      target.searchParams.set(
        "link",
        signDownload(deps.botToken, staffOf(c).telegramId, file, target.searchParams, deps.now()),
      );
      return c.json({ url: `${deps.base}/app/${file}?${target.searchParams.toString()}` });
    })
    .get("/queue.xlsx", valid("query", queueQuery), async (c) => {
      const { userId, view } = staffOf(c);
      const rows = await services.staff.deskQueueExport(userId, filterOf(c.req.valid("query")));
      if (!rows)
        return c.text(view.t("desk:queue.too_many_rows", { max: formatNumber(DESK_EXPORT_MAX_ROWS, view.lang) }), 413);
      const body = await queueWorkbook(rows, view);
      return c.body(new Uint8Array(body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(`${view.t("desk:queue.file_name")}-${kazakhstanDay(deps.now())}.xlsx`),
      });
    })
    .get("/report.xlsx", valid("query", monthQuery), async (c) => {
      const { view, parts } = await reportOf(deps, c, c.req.valid("query").month);
      return c.body(new Uint8Array(await reportWorkbook(parts.tables, view.t, parts.title)), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(`${parts.fileBase}.xlsx`),
      });
    })
    .get("/report.csv", valid("query", monthQuery), async (c) => {
      const { view, parts } = await reportOf(deps, c, c.req.valid("query").month);
      return c.body(new Uint8Array(reportCsv(parts.tables, view.t, parts.title)), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachment(`${parts.fileBase}.csv`),
      });
    });
}
