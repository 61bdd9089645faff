// The text of an outbox notification, made when it is sent: in the person's language of that
// moment, from the records as they are then. null when its subject no longer exists.
import { InlineKeyboard } from "grammy";
import type { i18n } from "i18next";
import type { Db } from "../db/client.js";
import type { Notification, Prisma, User } from "../generated/prisma/client.js";
import type { NotificationKind } from "../services/notifications.js";
import { projectsData } from "./callback-data/projects.js";
import { formatDate, formatNumber, localName } from "./format.js";
import type { Lang } from "./i18n.js";

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

type Client = Db | Prisma.TransactionClient;
const nameIn = (lang: Lang) => (o: { nameKk: string; nameRu: string }) => localName(lang, o);

async function applicationMessage(db: Client, i18n: i18n, lang: Lang, kind: NotificationKind, payload: Record<string, unknown>) {
  const t = i18n.getFixedT(lang);
  const name = nameIn(lang);
  const application = await db.application.findUnique({
    where: { id: Number(payload.applicationId) },
    include: { project: { include: { contractor: true } }, position: { include: { profession: true } } },
  });
  if (!application) return null;
  const common = { number: application.number, project: name(application.project), profession: name(application.position.profession) };
  if (kind === "referred") {
    const centre = payload.centreId ? await db.employmentCentre.findUnique({ where: { id: Number(payload.centreId) } }) : null;
    return {
      text: t("notifications:referred", {
        ...common, referral: application.referralNumber, centre: centre ? name(centre) : "—",
        address: centre ? (lang === "kk" ? centre.addressKk : centre.addressRu) : "—", phone: centre?.phone ?? "—",
        contractor: application.project.contractor?.name ?? "—",
      }),
    };
  }
  if (kind === "rejected") {
    const reason = application.rejectReason === "other" && application.rejectNote ? application.rejectNote : t(`staff:reject_reason.${application.rejectReason ?? "other"}`);
    return { text: t("notifications:rejected", { ...common, reason }) };
  }
  return {
    text: t("notifications:hired", {
      ...common, date: application.contractDate ? formatDate(application.contractDate) : "—", wage: formatNumber(application.wage ?? 0, lang),
    }),
  };
}

export async function renderNotification(db: Client, i18n: i18n, notification: Notification & { user: User }): Promise<RenderedMessage | null> {
  const lang: Lang = notification.user.language === "kk" ? "kk" : "ru";
  const t = i18n.getFixedT(lang);
  const name = nameIn(lang);
  const payload = notification.payload as Record<string, unknown>;
  const kind = notification.kind as NotificationKind;
  switch (kind) {
    case "referred":
    case "rejected":
    case "hired":
      return applicationMessage(db, i18n, lang, kind, payload);
    case "project_match": {
      const project = await db.project.findUnique({ where: { id: Number(payload.projectId) }, include: { district: true } });
      if (!project) return null;
      return {
        text: t("notifications:project_match", { project: name(project), district: name(project.district) }),
        keyboard: new InlineKeyboard().text(t("notifications:open_card"), projectsData.card(project.id, "-")),
      };
    }
    case "invitation_used":
    case "staff_removed": {
      const centre = await db.employmentCentre.findUnique({ where: { id: Number(payload.centreId) } });
      if (!centre) return null;
      return { text: t(`notifications:${kind}`, { centre: name(centre), person: String(payload.person ?? "—") }) };
    }
  }
}
