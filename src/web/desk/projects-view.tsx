// The centre's projects with the progress of their referral quota; a project's positions with the
// places open, its next status and the month's figures.
import { STAFF_COUNT_MAX } from "../../domain/policies.js";
import { formatNumber, localName } from "../../presentation/format.js";
import { nextStatus, type ProjectStatusName } from "../../domain/project-status.js";
import type { QuotaProgress } from "../../services/project-upkeep.js";
import { appLink, Page, type View } from "./page.js";

export function ProjectsPage(props: { view: View; projects: QuotaProgress[] }) {
  const { view } = props;
  const t = view.t;
  return (
    <Page view={view} title={t("desk:projects.heading")} section="projects">
      {props.projects.length === 0 ? (
        <p>{t("desk:projects.empty")}</p>
      ) : (
        <section class="table-wrap" tabindex={0} aria-label={t("desk:projects.heading")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("desk:projects.column.name")}</th>
                <th scope="col">{t("desk:projects.column.status")}</th>
                <th scope="col">{t("desk:projects.column.jobs")}</th>
                <th scope="col">{t("desk:projects.column.quota")}</th>
              </tr>
            </thead>
            <tbody>
              {props.projects.map((project) => {
                const progress = t("desk:projects.quota_progress", {
                  hired: project.hired,
                  quota: project.quota,
                  percent: formatNumber(project.percentMet, view.lang),
                });
                return (
                  <tr>
                    <th scope="row">
                      <a href={appLink(view, `projects/${project.id}`)}>{localName(view.lang, project)}</a>
                    </th>
                    <td>{t(`projects:status.${project.status}`)}</td>
                    <td>{formatNumber(project.jobs, view.lang)}</td>
                    <td>
                      <progress
                        max={Math.max(project.quota, 1)}
                        value={Math.min(project.hired, Math.max(project.quota, 1))}
                        aria-label={progress}
                      ></progress>
                      <span class="progress-text">{progress}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </Page>
  );
}

export interface ProjectData {
  project: {
    id: number;
    nameKk: string;
    nameRu: string;
    status: ProjectStatusName;
    plannedJobs: number;
    quotaPercent: number;
  };
  positions: Array<{
    id: number;
    profession: { nameKk: string; nameRu: string };
    count: number;
    taken: number;
    open: number;
    monthlyWage: number;
  }>;
}

export function ProjectPage(props: {
  view: View;
  data: ProjectData;
  month: string;
  notice?: { text: string; failed?: boolean };
}) {
  const { view, data } = props;
  const t = view.t;
  const { project } = data;
  const next = nextStatus(project.status);
  const number = (n: number) => formatNumber(n, view.lang);
  return (
    <Page view={view} title={localName(view.lang, project)} section="projects" notice={props.notice}>
      <p>
        <a href={appLink(view, "projects")}>{t("desk:projects.back")}</a> ·{" "}
        <a href={appLink(view, "queue", { project: project.id })}>{t("desk:projects.queue_link")}</a>
      </p>
      <section aria-labelledby="positions">
        <h2 id="positions">{t("desk:projects.positions")}</h2>
        {data.positions.length === 0 ? (
          <p>{t("desk:projects.no_positions")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {["profession", "count", "taken", "open", "wage"].map((key) => (
                  <th scope="col">{t(`desk:projects.position_column.${key}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.positions.map((p) => (
                <tr>
                  <th scope="row">{localName(view.lang, p.profession)}</th>
                  <td>{number(p.count)}</td>
                  <td>{number(p.taken)}</td>
                  <td>{number(p.open)}</td>
                  <td>{number(p.monthlyWage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="status">
        <h2 id="status">
          {t("desk:projects.status_heading")}: {t(`projects:status.${project.status}`)}
        </h2>
        {next ? (
          <form method="post" action={appLink(view, `projects/${project.id}/status`)} class="stacked">
            <input type="hidden" name="status" value={next} />
            {next === "commissioned" ? (
              <label>
                {t("desk:projects.permanent_jobs")}{" "}
                <input
                  type="number"
                  name="permanentJobs"
                  required
                  min={0}
                  max={STAFF_COUNT_MAX}
                  step={1}
                  inputmode="numeric"
                />
              </label>
            ) : null}
            <button type="submit">{t(`staff:projects.move_to.${next}`)}</button>
          </form>
        ) : (
          <p>{t("desk:projects.last_status")}</p>
        )}
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("desk:projects.figures")}</h2>
        <form method="post" action={appLink(view, `projects/${project.id}/figures`)} class="stacked">
          <label>
            {t("desk:projects.month")}{" "}
            <input type="month" name="month" required value={props.month} max={props.month} />
          </label>
          <label>
            {t("desk:projects.work_done")}{" "}
            <input type="number" name="workDone" required min={0} step="0.01" inputmode="decimal" />
          </label>
          <label>
            {t("desk:projects.jobs_created")}{" "}
            <input
              type="number"
              name="jobsCreated"
              required
              min={0}
              max={STAFF_COUNT_MAX}
              step={1}
              inputmode="numeric"
            />
          </label>
          <button type="submit">{t("desk:projects.save")}</button>
        </form>
      </section>
    </Page>
  );
}
