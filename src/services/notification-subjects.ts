// What a notification speaks of, read when it is sent: the records as they are then. The bot turns
// it into text (src/bot/notification-messages.ts). null when its subject no longer exists.
import type { Store } from "../db/store.js";
import { parseReportMonth, type ReportMonth } from "../domain/report.js";
import type { Prisma } from "../generated/prisma/client.js";
import { missingFigures, type MissingFigures } from "./reports/monthly-figures.js";
import { buildMonthlyReport, type MonthlyReport } from "./reports/monthly-report.js";
import { centreScope, COUNTRY_SCOPE, type ResolvedScope } from "./reports/report-scope.js";
import type { NotificationKind, NotificationToSend } from "./notifications.js";
import type { Pii } from "./pii.js";
import { referralCode } from "./referral-check.js";

const applicationWithProject = {
  project: { include: { contractor: true } },
  position: { include: { profession: true } },
} as const;
export type NotifiedApplication = Prisma.ApplicationGetPayload<{ include: typeof applicationWithProject }>;
type Centre = Prisma.EmploymentCentreGetPayload<object>;
type District = Prisma.DistrictGetPayload<object>;

/** What the referral's document says of the person and where to check it (the application's own fields aside). */
export interface ReferralDocumentFacts {
  fullName: string | null;
  /** The IIN's last four digits: the document shows them only. */
  iinLast4: string | null;
  district: { nameKk: string; nameRu: string };
  /** The code of the referral's check (start=<code>, /r/<code>). */
  code: string;
}

export type NotificationSubject =
  | {
      kind: "referred";
      application: NotifiedApplication;
      centre: Centre | null;
      document: ReferralDocumentFacts;
    }
  | { kind: "rejected" | "hired"; application: NotifiedApplication; centre: Centre | null }
  | { kind: "follow_up"; application: NotifiedApplication }
  | { kind: "contractor_joined"; contractor: string; person: string }
  | { kind: "project_match"; projects: Array<Prisma.ProjectGetPayload<{ include: { district: true } }>> }
  | { kind: "monthly_report"; report: MonthlyReport; scope: ResolvedScope }
  | { kind: "figures_missing"; month: ReportMonth; centre: Centre; missing: MissingFigures }
  | { kind: "loan_reminder"; series: "jobs" | "targeted_use"; obligation: Prisma.LoanObligationGetPayload<object> }
  | { kind: "invitation_used" | "staff_removed"; centre: Centre; person: string }
  | { kind: "registration_moved" | "registration_received" }
  | { kind: "registration_moved_centre"; claimId: number; district: District; claimDistrict: District };

const centre = (store: Store, id: unknown) =>
  id ? store.db.employmentCentre.findUnique({ where: { id: Number(id) } }) : Promise.resolve(null);

export async function notificationSubject(
  store: Store,
  pii: Pii,
  notification: NotificationToSend,
): Promise<NotificationSubject | null> {
  const payload = notification.payload as Record<string, unknown>;
  const kind = notification.kind as NotificationKind;
  switch (kind) {
    case "referred": {
      const application = await store.db.application.findUnique({
        where: { id: Number(payload.applicationId) },
        include: { ...applicationWithProject, user: { include: { profile: true } } },
      });
      if (!application) return null;
      const district = await store.db.district.findUniqueOrThrow({ where: { id: application.project.districtId } });
      const profile = application.user?.profile ?? null;
      const document: ReferralDocumentFacts = {
        fullName: profile?.fullName ?? null,
        iinLast4: profile ? pii.decrypt(profile.iinCipher).slice(-4) : null,
        district: { nameKk: district.nameKk, nameRu: district.nameRu },
        code: referralCode(pii, application.id),
      };
      return { kind, application, centre: await centre(store, payload.centreId), document };
    }
    case "rejected":
    case "hired": {
      const application = await store.db.application.findUnique({
        where: { id: Number(payload.applicationId) },
        include: applicationWithProject,
      });
      return application ? { kind, application, centre: null } : null;
    }
    case "follow_up": {
      // Asked only while nobody has recorded an outcome: one recorded in the meantime makes the question moot.
      const application = await store.db.application.findUnique({
        where: { id: Number(payload.applicationId) },
        include: applicationWithProject,
      });
      return application?.status === "referred" ? { kind, application } : null;
    }
    case "contractor_joined":
      return { kind, contractor: String(payload.contractor ?? "—"), person: String(payload.person ?? "—") };
    case "project_match": {
      const ids = String(payload.projectIds ?? payload.projectId ?? "")
        .split(",")
        .map(Number)
        .filter(Number.isInteger);
      const projects = await store.db.project.findMany({
        where: { id: { in: ids } },
        include: { district: true },
        orderBy: { id: "asc" },
      });
      return projects.length ? { kind, projects } : null;
    }
    case "monthly_report": {
      const month = parseReportMonth(String(payload.month));
      const scope = payload.centreId ? await centreScope(store, Number(payload.centreId)) : COUNTRY_SCOPE;
      if (!month || !scope) return null;
      return { kind, report: await buildMonthlyReport(store, scope.districtIds, month), scope };
    }
    case "figures_missing": {
      // The reminder as things stand when it is sent: nothing once every figure is in.
      const month = parseReportMonth(String(payload.month));
      const found = await centre(store, payload.centreId);
      if (!month || !found) return null;
      const [missing] = await missingFigures(store, month, found.id);
      return missing ? { kind, month, centre: found, missing } : null;
    }
    case "loan_reminder": {
      const series = payload.series === "jobs" ? "jobs" : "targeted_use";
      const obligation = await store.db.loanObligation.findUnique({ where: { id: Number(payload.obligationId) } });
      const done = series === "targeted_use" ? obligation?.targetedUseDoneAt : obligation?.jobsDoneAt;
      return obligation && !done ? { kind, series, obligation } : null;
    }
    case "invitation_used":
    case "staff_removed": {
      const found = await centre(store, payload.centreId);
      return found ? { kind, centre: found, person: String(payload.person ?? "—") } : null;
    }
    case "registration_moved":
    case "registration_received":
      return { kind };
    case "registration_moved_centre": {
      const [district, claimDistrict] = await Promise.all(
        [payload.districtId, payload.claimDistrictId].map((id) =>
          store.db.district.findUnique({ where: { id: Number(id) } }),
        ),
      );
      return district && claimDistrict ? { kind, claimId: Number(payload.claimId), district, claimDistrict } : null;
    }
  }
}
