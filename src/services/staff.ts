// What employment-centre staff may see: the applications for projects in their centres' districts.
// Every function checks the person's centres again, whatever the button said.
import type { Db } from "../db/client.js";
import { Prisma, type ApplicationStatus } from "../generated/prisma/client.js";
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

/**
 * The queue is read up to this many applications: shown as "1000+" and "200+" pages beyond it. An
 * exact count of a region's queue among a million applications took longer than the whole page.
 */
export const QUEUE_COUNT_CAP = 1_000;

/** The ids of the projects in the districts of the person's centres, in one round trip. */
async function projectsInReach(db: Client, userId: number): Promise<number[]> {
  const [row] = await db.$queryRaw<[{ ids: number[] | null }]>`
    select array_agg(p.id) as ids from "Project" p where p."districtId" in (
      select cd."districtId" from "CentreDistrict" cd join "StaffMembership" sm on sm."centreId" = cd."centreId" where sm."userId" = ${userId})`;
  return row.ids ?? [];
}

/**
 * The queue: priority group first (youth, NEET youth, students), then the time of applying. The
 * default view (submitted and referred) walks the partial index "Application_queue_idx" in this
 * order and checks the project inside the index against the list of the centre's projects. One
 * ordered read of up to QUEUE_COUNT_CAP + 1 ids gives both the count and the page.
 */
export async function staffQueue(db: Db, userId: number, filter: QueueFilter, requested: number) {
  const reach = await projectsInReach(db, userId);
  const projects = filter.projectId ? reach.filter((id) => id === filter.projectId) : reach;
  const ordered = await db.$queryRaw<Array<{ id: number }>>`
    select a.id from "Application" a
    where a.status = any(${filter.status ? [filter.status] : ["submitted", "referred"]}::"ApplicationStatus"[])
      and a."projectId" = any(${projects}::int[])
    order by a."priorityGroup", a."submittedAt", a.id limit ${QUEUE_COUNT_CAP + 1}`;
  const total = Math.min(ordered.length, QUEUE_COUNT_CAP);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  const ids = ordered.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE).map(({ id }) => id);
  const rows = await db.application.findMany({
    where: { id: { in: ids } },
    include: { user: { include: { profile: { select: { fullName: true } } } }, position: { include: { profession: true } } },
  });
  const items = ids.map((id) => rows.find((row) => row.id === id)!);
  return { items, page, pages, total, more: ordered.length > QUEUE_COUNT_CAP };
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
