// Job-seeker profiles: consent, registration, reading and erasing.
import type { Db } from "../db/client.js";
import { standingOf, type SeekerStatus } from "../domain/person.js";
import type { Sex } from "../domain/iin.js";
import type { Pii } from "./pii.js";
import { queryRows } from "../db/reads.js";
import { Prisma } from "../generated/prisma/client.js";

/** The version of the consent text in locales (seeker:consent.text); bump both together. */
export const CONSENT_VERSION = "2026-11-22";

export interface ProfileInput {
  fullName: string;
  iin: string;
  birthDate: Date;
  sex: Sex;
  phone: string;
  status: SeekerStatus;
  studying: boolean;
  working: boolean;
  districtId: number;
  professionIds: number[];
  anyWork: boolean;
  willingToRelocate: boolean;
}

export async function recordConsent(db: Db, userId: number): Promise<void> {
  await db.consent.create({ data: { userId, version: CONSENT_VERSION } });
}

export async function hasConsent(db: Db, userId: number): Promise<boolean> {
  return (await db.consent.count({ where: { userId, version: CONSENT_VERSION } })) > 0;
}

export async function hasProfile(db: Db, userId: number): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, Prisma.sql`select exists (select 1 from "SeekerProfile" where "userId" = ${userId}) as found`);
  return row!.found;
}

/** True when another account registered this IIN (whose it is stays unsaid). */
export async function iinTakenByAnother(db: Db, pii: Pii, iin: string, userId: number): Promise<boolean> {
  const found = await db.seekerProfile.findUnique({ where: { iinHash: pii.hash(iin) }, select: { userId: true } });
  return found !== null && found.userId !== userId;
}

/** A new profile needs every field; an edit may leave out the IIN and the phone, which then stay as stored. */
export type ProfileSave = Omit<ProfileInput, "iin" | "phone"> & { iin?: string; phone?: string };

export async function saveProfile(db: Db, pii: Pii, userId: number, input: ProfileSave): Promise<void> {
  const sealed = {
    ...(input.iin !== undefined ? { iinCipher: pii.encrypt(input.iin), iinHash: pii.hash(input.iin) } : {}),
    ...(input.phone !== undefined ? { phoneCipher: pii.encrypt(input.phone) } : {}),
  };
  const data = {
    fullName: input.fullName, birthDate: input.birthDate, sex: input.sex, status: input.status, studying: input.studying,
    working: input.working, districtId: input.districtId, anyWork: input.anyWork, willingToRelocate: input.willingToRelocate, ...sealed,
  };
  await db.$transaction(async (tx) => {
    const existing = await tx.seekerProfile.findUnique({ where: { userId }, select: { id: true } });
    if (!existing && (!sealed.iinCipher || !sealed.phoneCipher)) throw new Error("a new profile needs the IIN and the phone");
    const profile = existing
      ? await tx.seekerProfile.update({ where: { userId }, data })
      : await tx.seekerProfile.create({ data: { userId, ...data, iinCipher: sealed.iinCipher!, iinHash: sealed.iinHash!, phoneCipher: sealed.phoneCipher! } });
    await tx.seekerProfession.deleteMany({ where: { profileId: profile.id } });
    await tx.seekerProfession.createMany({ data: input.professionIds.map((professionId) => ({ profileId: profile.id, professionId })) });
    await tx.subscription.updateMany({ where: { userId }, data: { districtId: input.districtId } }); // follows a move
  });
}

/** What an edit starts from: the profile without its sealed values. */
export function profileForEdit(db: Db, userId: number) {
  return db.seekerProfile.findUnique({
    where: { userId },
    select: {
      fullName: true, birthDate: true, sex: true, status: true, studying: true, working: true, districtId: true, anyWork: true, willingToRelocate: true,
      professions: { select: { professionId: true } },
    },
  });
}

export async function readProfile(db: Db, pii: Pii, userId: number, today = new Date()) {
  const profile = await db.seekerProfile.findUnique({
    where: { userId },
    include: { district: { include: { region: true } }, professions: { include: { profession: true } } },
  });
  if (!profile) return null;
  return { ...profile, iin: pii.decrypt(profile.iinCipher), phone: pii.decrypt(profile.phoneCipher), standing: standingOf(profile, today) };
}
export type ProfileView = NonNullable<Awaited<ReturnType<typeof readProfile>>>;

/**
 * "Delete my data": afterwards nothing links to the person's Telegram account but the account row
 * itself (its id and language, so the bot still speaks their language) and their applications as
 * anonymous rows for the programme's reports (their snapshot of age group and flags, no note).
 * Gone: the profile, the consent, the questions they typed (people type their IIN and phone in free
 * text), their notifications, subscription, loans and the conversation in progress (`sessionKeys`),
 * the staff's notes on their applications, and their id in the applications' history and the audit log.
 */
export async function eraseMyData(db: Db, userId: number, sessionKeys: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const applications = (await tx.application.findMany({ where: { userId }, select: { id: true } })).map((a) => a.id);
    await tx.applicationEvent.updateMany({ where: { applicationId: { in: applications } }, data: { note: null } });
    await tx.applicationEvent.updateMany({ where: { actorUserId: userId }, data: { actorUserId: null } });
    await tx.application.updateMany({ where: { userId }, data: { userId: null, rejectNote: null } });
    await tx.$executeRaw`update "AuditLog" set "actorUserId" = null, after = after - 'telegramId' where "actorUserId" = ${userId}`;
    await tx.seekerProfile.deleteMany({ where: { userId } });
    await tx.consent.deleteMany({ where: { userId } });
    await tx.faqQuestion.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.subscription.deleteMany({ where: { userId } });
    await tx.loanObligation.deleteMany({ where: { userId } });
    await tx.iinClaim.deleteMany({ where: { claimantUserId: userId } });
    await tx.session.deleteMany({ where: { key: { in: sessionKeys } } });
    await tx.user.update({ where: { id: userId }, data: { firstName: null, username: null, nextMessageAt: null, lastLat: null, lastLon: null, lastLocationAt: null } });
  });
}

export function searchProfessions(db: Db, query: string, lang: "kk" | "ru") {
  const field = lang === "kk" ? "nameKk" : "nameRu";
  return db.profession.findMany({
    where: query ? { OR: [{ nameKk: { contains: query, mode: "insensitive" } }, { nameRu: { contains: query, mode: "insensitive" } }] } : {},
    orderBy: { [field]: "asc" },
  });
}
