// The project card: every figure of the monitoring map a job seeker needs, in their language.
import { commissionedJobsForCentre, referralQuota } from "../domain/quota.js";
import {
  COMMISSIONED_JOBS_PERCENT,
  COMMISSIONED_SMALL_STAFF,
  COMMISSIONED_SMALL_STAFF_MINIMUM,
} from "../domain/rules.js";
import type { ProjectCard } from "../services/projects.js";
import { formatDate, formatNumber, localName } from "../presentation/format.js";
import type { Lang, Translate } from "../presentation/i18n.js";
import { fitLines } from "./paging.js";

export function projectCardText(t: Translate, lang: Lang, project: ProjectCard): string {
  const name = (o: { nameKk: string; nameRu: string }) => localName(lang, o);
  const money = (value: number | bigint) => formatNumber(Number(value), lang);
  const positions = project.positions.map((position) =>
    t("projects:card.position", {
      profession: name(position.profession),
      open: Math.max(0, position.count - position.taken),
      count: position.count,
      wage: money(position.monthlyWage),
      minors: position.suitableForMinors ? t("projects:card.minors") : "",
    }),
  );
  const head = [
    `🏗 ${name(project)}`,
    t("projects:card.kind", {
      group: t(`projects:group.${project.objectGroup}`),
      work: t(`projects:work.${project.workKind}`),
      status: t(`projects:status.${project.status}`),
    }),
    t("projects:card.place", { district: name(project.district), region: name(project.district.region) }),
    t("projects:card.contractor", { contractor: project.contractor?.name ?? t("projects:card.no_contractor") }),
    t("projects:card.dates", { start: formatDate(project.startDate), end: formatDate(project.endDate) }),
    t("projects:card.cost", { cost: money(project.estimatedCost) }),
    t("projects:card.jobs", { jobs: project.plannedJobs, permanent: project.permanentJobs }),
    t("projects:card.wage", { wage: money(project.averageWage) }),
    t("projects:card.quota", {
      quota: referralQuota(project.plannedJobs, project.quotaPercent),
      percent: project.quotaPercent,
      issued: project.referred,
    }),
    ...(project.status === "commissioned" ? [commissioningLine(t, project)] : []),
    "",
    t("projects:card.positions"),
  ];
  return fitLines(head, positions, (count) => t("projects:card.more_positions", { count }));
}

/** After commissioning: the centre fills 15 % of the permanent jobs, at least one when the staff is under 6. */
export function commissioningLine(
  t: Translate,
  project: { permanentJobs: number; commissionedAt: Date | null },
): string {
  return t("projects:card.commissioned", {
    date: project.commissionedAt ? formatDate(project.commissionedAt) : "—",
    permanent: project.permanentJobs,
    centre: commissionedJobsForCentre(project.permanentJobs),
    percent: COMMISSIONED_JOBS_PERCENT,
    minimum: COMMISSIONED_SMALL_STAFF_MINIMUM,
    small: COMMISSIONED_SMALL_STAFF,
  });
}
