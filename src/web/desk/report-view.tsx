// The centre's monthly report as a page: the same summary, tables and chart as the chat's, with
// the XLSX and CSV made from the same tables.
import { formatDate, formatNumber } from "../../presentation/format.js";
import { quotaChartSvg, type ChartBar, type ChartText } from "../../presentation/reports/quota-chart.js";
import type { Cell, ColumnKind, ReportTable } from "../../presentation/reports/report-tables.js";
import { appLink, Page, type View } from "./page.js";

export interface ReportData {
  month: string;
  latest: string;
  summary: string;
  tables: ReportTable[];
  bars: ChartBar[];
  chartText: ChartText;
}

function cellText(cell: Cell, kind: ColumnKind, view: View): string {
  if (cell === null) return "—";
  if (cell instanceof Date) return formatDate(cell);
  if (typeof cell === "number")
    return kind === "percent" ? `${formatNumber(cell, view.lang)} %` : formatNumber(cell, view.lang);
  return cell;
}

function Table(props: { view: View; table: ReportTable; index: number }) {
  const { view, table } = props;
  const id = `section-${props.index}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{view.t(`report:sheet.${table.section}`)}</h2>
      <section class="table-wrap" tabindex={0} aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col">{view.t(`report:column.${c.key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr>
                {row.map((cell, i) => (
                  <td>{cellText(cell, table.columns[i]!.kind, view)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.totals ? (
            <tfoot>
              <tr>
                {table.totals.map((cell, i) => (
                  <td>{cellText(cell, table.columns[i]!.kind, view)}</td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </section>
    </section>
  );
}

export function ReportPage(props: { view: View; data: ReportData }) {
  const { view, data } = props;
  const t = view.t;
  const [title, ...lines] = data.summary.split("\n");
  const chart = data.bars.length
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(quotaChartSvg(data.bars, data.chartText))}`
    : null;
  const chartAlt = [
    t("desk:report.chart"),
    ...data.bars.map((bar) => `${bar.label}: ${data.chartText.formatPercent(bar.percent)}`),
  ].join("; ");
  return (
    <Page view={view} title={t("desk:report.heading")} section="report">
      <form method="get" action={appLink(view, "report")} class="inline">
        <label>
          {t("desk:report.month")} <input type="month" name="month" value={data.month} max={data.latest} required />
        </label>
        <button type="submit">{t("desk:report.show")}</button>
      </form>
      <p class="downloads">
        <a
          class="button"
          href={appLink(view, "report.xlsx", { month: data.month })}
          hx-boost="false"
          data-download={`report-${data.month}.xlsx`}
        >
          {t("desk:report.download_xlsx")}
        </a>{" "}
        <a
          class="button"
          href={appLink(view, "report.csv", { month: data.month })}
          hx-boost="false"
          data-download={`report-${data.month}.csv`}
        >
          {t("desk:report.download_csv")}
        </a>
      </p>
      <section aria-labelledby="summary">
        <h2 id="summary">{title}</h2>
        <ul>
          {lines.slice(0, -1).map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </section>
      {chart ? (
        <figure>
          <img src={chart} alt={chartAlt} width={1080} />
          <figcaption>{t("desk:report.chart")}</figcaption>
        </figure>
      ) : null}
      {data.tables.map((table, index) => (
        <Table view={view} table={table} index={index} />
      ))}
    </Page>
  );
}
