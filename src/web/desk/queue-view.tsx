// The desk's queue: the filter form, the count of each status, the table (sortable by its headers),
// the pages and the file of the filtered rows.
import { PRIORITY_GROUP } from "../../domain/person.js";
import { YOUTH_AGE } from "../../domain/rules.js";
import { formatDate, formatNumber, localName } from "../../presentation/format.js";
import type { Translate } from "../../presentation/i18n.js";
import {
  APPLICATION_STATUSES,
  DESK_DEFAULT_STATUS,
  DESK_EXPORT_MAX_ROWS,
  type DeskFilter,
  type DeskRow,
  type DeskSort,
} from "../../services/desk/queue.js";
import { appLink, Page, type View } from "./page.js";

export interface QueueData {
  rows: DeskRow[];
  counts: Record<string, number>;
  total: number;
  page: number;
  pages: number;
}

type AgeGroup = "neet" | "student" | "youth" | "other";
export const ageGroupOf = (row: Pick<DeskRow, "isNeet" | "isStudent" | "isYouth">): AgeGroup =>
  row.isNeet ? "neet" : row.isStudent ? "student" : row.isYouth ? "youth" : "other";

/** The group's label; "other" is everyone past the programme's youth (YOUTH_AGE), by the rule's own number. */
export const ageGroupText = (t: Translate, row: Pick<DeskRow, "isNeet" | "isStudent" | "isYouth">) =>
  t(`desk:queue.age.${ageGroupOf(row)}`, { from: YOUTH_AGE.max + 1 });

export const priorityText = (t: Translate, group: number) =>
  t(group === PRIORITY_GROUP ? "desk:queue.priority" : "desk:queue.general");

/** The longest search the queue accepts (the form and the route's check agree). */
export const SEARCH_MAX_LENGTH = 100;

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

/** The filter as the query of a link: the same filter, another page or order (what the desk opens on is left out). */
export function filterQuery(filter: DeskFilter, page?: number) {
  return {
    status: filter.status === DESK_DEFAULT_STATUS ? undefined : (filter.status ?? "all"),
    project: filter.projectId,
    priority: filter.priorityOnly ? "1" : undefined,
    attention: filter.attention ? "1" : undefined,
    from: day(filter.from),
    to: day(filter.to),
    q: filter.text,
    sort: filter.sort === "queue" ? undefined : filter.sort,
    dir: filter.descending ? "desc" : undefined,
    page: page && page > 1 ? page : undefined,
  };
}

const COLUMNS: Array<{ key: string; sort?: DeskSort }> = [
  { key: "number", sort: "number" },
  { key: "date", sort: "submitted" },
  { key: "person", sort: "name" },
  { key: "age_group" },
  { key: "priority", sort: "priority" },
  { key: "project", sort: "project" },
  { key: "position" },
  { key: "status", sort: "status" },
];

function Header(props: { view: View; filter: DeskFilter; column: (typeof COLUMNS)[number] }) {
  const { view, filter, column } = props;
  const label = view.t(`desk:queue.column.${column.key}`);
  if (!column.sort) return <th scope="col">{label}</th>;
  const current = filter.sort === column.sort;
  const next = { ...filter, sort: column.sort, descending: current ? !filter.descending : false };
  return (
    <th scope="col" aria-sort={current ? (filter.descending ? "descending" : "ascending") : undefined}>
      <a href={appLink(view, "queue", filterQuery(next))} title={view.t("desk:queue.sort_by", { column: label })}>
        {label}
        {current ? (filter.descending ? " ↓" : " ↑") : ""}
      </a>
    </th>
  );
}

type Projects = Array<{ id: number; nameKk: string; nameRu: string }>;

/** The filters in force besides the status (the chips above the list), each with the link that drops it. */
function activeFilters(
  view: View,
  filter: DeskFilter,
  projects: Projects,
): Array<{ label: string; without: DeskFilter }> {
  const t = view.t;
  const project = projects.find((p) => p.id === filter.projectId);
  return [
    ...(filter.projectId
      ? [
          {
            label: `${t("desk:queue.project")}: ${project ? localName(view.lang, project) : filter.projectId}`,
            without: { ...filter, projectId: undefined },
          },
        ]
      : []),
    ...(filter.priorityOnly
      ? [{ label: t("desk:queue.priority_only"), without: { ...filter, priorityOnly: false } }]
      : []),
    ...(filter.attention ? [{ label: t("desk:queue.attention"), without: { ...filter, attention: false } }] : []),
    ...(filter.from
      ? [{ label: `${t("desk:queue.from")}: ${formatDate(filter.from)}`, without: { ...filter, from: undefined } }]
      : []),
    ...(filter.to
      ? [{ label: `${t("desk:queue.to")}: ${formatDate(filter.to)}`, without: { ...filter, to: undefined } }]
      : []),
    ...(filter.text
      ? [{ label: `${t("desk:queue.search")}: ${filter.text}`, without: { ...filter, text: undefined } }]
      : []),
  ];
}

/** The filter form, folded behind one button: on a phone the list comes first. */
function Filters(props: { view: View; filter: DeskFilter; projects: Projects; active: number }) {
  const { view, filter } = props;
  const t = view.t;
  return (
    <details class="filters">
      <summary>
        {props.active ? t("desk:queue.filters_active", { count: props.active }) : t("desk:queue.filters_button")}
      </summary>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to the Android web views before Chrome 118 that Telegram runs in; role="search" on the form is the established equivalent */}
      <form method="get" action={appLink(view, "queue")} role="search" aria-label={t("desk:queue.filters")}>
        <label>
          {t("desk:queue.status")}
          <select name="status">
            {APPLICATION_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status}>
                {t(`applications:status.${status}`)}
              </option>
            ))}
            <option value="all" selected={filter.status === undefined}>
              {t("desk:queue.all_statuses")}
            </option>
          </select>
        </label>
        <label>
          {t("desk:queue.project")}
          <select name="project">
            <option value="">{t("desk:queue.all_projects")}</option>
            {props.projects.map((project) => (
              <option value={String(project.id)} selected={filter.projectId === project.id}>
                {localName(view.lang, project)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("desk:queue.from")} <input type="date" name="from" value={day(filter.from) ?? ""} />
        </label>
        <label>
          {t("desk:queue.to")} <input type="date" name="to" value={day(filter.to) ?? ""} />
        </label>
        <label>
          {t("desk:queue.search")}{" "}
          <input type="search" name="q" value={filter.text ?? ""} maxlength={SEARCH_MAX_LENGTH} />
        </label>
        <label class="check">
          <input type="checkbox" name="priority" value="1" checked={filter.priorityOnly} />{" "}
          {t("desk:queue.priority_only")}
        </label>
        <label class="check">
          <input type="checkbox" name="attention" value="1" checked={filter.attention} /> {t("desk:queue.attention")}
        </label>
        {filter.sort !== "queue" ? <input type="hidden" name="sort" value={filter.sort} /> : null}
        {filter.descending ? <input type="hidden" name="dir" value="desc" /> : null}
        <div class="buttons">
          <button type="submit">{t("desk:queue.apply")}</button>
          <a href={appLink(view, "queue")}>{t("desk:queue.reset")}</a>
        </div>
      </form>
    </details>
  );
}

/** On a phone, each application is a card: who, which group, where, and its status, without scrolling sideways. */
function Cards(props: { view: View; rows: DeskRow[] }) {
  const { view } = props;
  const t = view.t;
  return (
    <ol class="cards">
      {props.rows.map((row) => (
        <li>
          <p class="card-head">
            <a href={appLink(view, `applications/${row.id}`)}>{row.number}</a>
            <span class="status">{t(`applications:status.${row.status}`)}</span>
          </p>
          <p class="card-person">{row.fullName ?? t("desk:queue.erased")}</p>
          <p class="card-meta">
            {ageGroupText(t, row)}
            {row.priorityGroup === PRIORITY_GROUP ? ` · ${t("desk:queue.priority")}` : ""} ·{" "}
            {formatDate(row.submittedAt)}
          </p>
          <p class="card-project">
            {localName(view.lang, row.project)} — {localName(view.lang, row.profession)}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function QueuePage(props: { view: View; filter: DeskFilter; data: QueueData; projects: Projects }) {
  const { view, filter, data } = props;
  const t = view.t;
  const count = (n: number) => formatNumber(n, view.lang);
  const active = activeFilters(view, filter, props.projects);
  const all = Object.values(data.counts).reduce((a, b) => a + b, 0);
  return (
    <Page view={view} title={t("desk:queue.heading")} section="queue">
      <nav aria-label={t("desk:queue.counts")}>
        <ul class="counts">
          {APPLICATION_STATUSES.map((status) => (
            <li>
              <a
                href={appLink(view, "queue", filterQuery({ ...filter, status }))}
                aria-current={filter.status === status ? "true" : undefined}
              >
                {t(`applications:status.${status}`)}: <strong>{count(data.counts[status] ?? 0)}</strong>
              </a>
            </li>
          ))}
          <li>
            <a
              href={appLink(view, "queue", filterQuery({ ...filter, status: undefined }))}
              aria-current={filter.status === undefined ? "true" : undefined}
            >
              {t("desk:queue.all_statuses")}: <strong>{count(all)}</strong>
            </a>
          </li>
        </ul>
      </nav>
      <Filters view={view} filter={filter} projects={props.projects} active={active.length} />
      {active.length ? (
        <ul class="chips" aria-label={t("desk:queue.active_filters")}>
          {active.map((chip) => (
            <li>
              <a
                href={appLink(view, "queue", filterQuery(chip.without))}
                aria-label={t("desk:queue.remove_filter", { filter: chip.label })}
              >
                {chip.label} ✕
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {data.rows.length === 0 ? (
        <p role="status">{t("desk:queue.empty")}</p>
      ) : (
        <>
          <p class="caption-line">
            {t("desk:queue.caption", { count: count(data.total), page: data.page, pages: data.pages })}
          </p>
          <Cards view={view} rows={data.rows} />
          <section class="table-wrap" tabindex={0} aria-label={t("desk:queue.heading")}>
            <table class="queue">
              <caption>
                {t("desk:queue.caption", { count: count(data.total), page: data.page, pages: data.pages })}
              </caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <Header view={view} filter={filter} column={column} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      <a href={appLink(view, `applications/${row.id}`)}>{row.number}</a>
                    </th>
                    <td>{formatDate(row.submittedAt)}</td>
                    <td>{row.fullName ?? t("desk:queue.erased")}</td>
                    <td>{ageGroupText(t, row)}</td>
                    <td>{priorityText(t, row.priorityGroup)}</td>
                    <td>{localName(view.lang, row.project)}</td>
                    <td>{localName(view.lang, row.profession)}</td>
                    <td>{t(`applications:status.${row.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      {data.pages > 1 ? (
        <nav aria-label={t("desk:queue.pages")} class="pager">
          {data.page > 1 ? (
            <a href={appLink(view, "queue", filterQuery(filter, data.page - 1))} rel="prev">
              {t("desk:queue.previous")}
            </a>
          ) : null}
          <span>{t("desk:queue.caption", { count: count(data.total), page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? (
            <a href={appLink(view, "queue", filterQuery(filter, data.page + 1))} rel="next">
              {t("desk:queue.next")}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        {data.total <= DESK_EXPORT_MAX_ROWS ? (
          <a
            class="button secondary"
            href={appLink(view, "queue.xlsx", filterQuery(filter))}
            hx-boost="false"
            data-download={`${t("desk:queue.file_name")}.xlsx`}
          >
            {t("desk:queue.download")}
          </a>
        ) : (
          <span>{t("desk:queue.too_many_rows", { max: count(DESK_EXPORT_MAX_ROWS) })}</span>
        )}
      </p>
    </Page>
  );
}
