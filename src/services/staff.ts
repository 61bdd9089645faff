// What employment-centre staff may see: the applications for projects in their centres' districts.
// Every function checks the person's centres again, whatever the button said.
import type { Db } from "../db/client.js";
import type { ApplicationStatus, Prisma } from "../generated/prisma/client.js";
import type { Pii } from "./pii.js";
import { audit } from "./audit.js";

export const QUEUE_PAGE_SIZE = 5;

export class NotAllowedError extends Error {
  constructor() {
    super("not allowed: outside the staff member's centres");
  }
}

type Client = Db | Prisma.TransactionClient;

/** The districts of every centre the person works at (none for a non-member). */
export async function staffDistrictIds(db: Client, userId: number): Promise<number[]> {
  const rows = await db.centreDistrict.findMany({ where: { centre: { staff: { some: { userId } } } }, select: { districtId: true } });
  return [...new Set(rows.map((row) => row.districtId))];
}

/** The centre through which this staff member handles a district (for its address in messages). */
export async function centreFor(db: Client, userId: number, districtId: number) {
  return db.employmentCentre.findFirst({ where: { staff: { some: { userId } }, districts: { some: { districtId } } }, orderBy: { id: "asc" } });
}

/** The application, if it is for a project in the person's districts; otherwise NotAllowedError. */
export async function applicationInReach(db: Client, userId: number, applicationId: number) {
  const districts = await staffDistrictIds(db, userId);
  const application = await db.application.findFirst({
    where: { id: applicationId, project: { districtId: { in: districts } } },
    include: { project: { include: { district: { include: { region: true } }, contractor: true } }, position: { include: { profession: true } } },
  });
  if (!application) throw new NotAllowedError();
  return application;
}

export interface QueueFilter {
  projectId?: number;
  status?: ApplicationStatus;
}

/** The queue: priority group first (youth, NEET youth, students), then the time of applying. */
export async function staffQueue(db: Db, userId: number, filter: QueueFilter, requested: number) {
  const districts = await staffDistrictIds(db, userId);
  const where: Prisma.ApplicationWhereInput = {
    project: { districtId: { in: districts } },
    status: filter.status ?? { in: ["submitted", "referred"] },
    ...(filter.projectId ? { projectId: filter.projectId } : {}),
  };
  const total = await db.application.count({ where });
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  const items = await db.application.findMany({
    where, orderBy: [{ priorityGroup: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE,
    include: { user: { include: { profile: { select: { fullName: true } } } }, position: { include: { profession: true } } },
  });
  return { items, page, pages, total };
}

/** Projects in the person's districts, for the queue's filter and "our projects". */
export async function staffProjects(db: Db, userId: number) {
  const districts = await staffDistrictIds(db, userId);
  return db.project.findMany({ where: { districtId: { in: districts } }, orderBy: [{ status: "asc" }, { id: "asc" }], include: { district: true } });
}

/** The applicant's card; the IIN only masked. */
export async function applicantCard(db: Db, pii: Pii, userId: number, applicationId: number) {
  const application = await applicationInReach(db, userId, applicationId);
  const profile = application.userId
    ? await db.seekerProfile.findUnique({
        where: { userId: application.userId },
        include: { district: { include: { region: true } }, professions: { include: { profession: true } } },
      })
    : null;
  const person = profile ? { ...profile, phone: pii.decrypt(profile.phoneCipher), iinLast4: pii.decrypt(profile.iinCipher).slice(-4) } : null;
  return { application, person };
}

/** The whole IIN, written to the audit log each time it is shown. */
export async function revealIin(db: Db, pii: Pii, userId: number, applicationId: number): Promise<string | null> {
  const application = await applicationInReach(db, userId, applicationId);
  const profile = application.userId ? await db.seekerProfile.findUnique({ where: { userId: application.userId } }) : null;
  if (!profile) return null;
  await audit(db, { actorUserId: userId, action: "show_iin", entity: "SeekerProfile", entityId: profile.id });
  return pii.decrypt(profile.iinCipher);
}
