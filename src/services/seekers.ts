// Job-seeker profiles: consent, registration, reading and erasing.
import type { Db } from "../db/client.js";
import type { SeekerStatus } from "../domain/person.js";
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

export async function saveProfile(db: Db, pii: Pii, userId: number, input: ProfileInput): Promise<void> {
  const data = {
    fullName: input.fullName, iinCipher: pii.encrypt(input.iin), iinHash: pii.hash(input.iin), birthDate: input.birthDate,
    sex: input.sex, phoneCipher: pii.encrypt(input.phone), status: input.status, studying: input.studying,
    working: input.working, districtId: input.districtId, anyWork: input.anyWork, willingToRelocate: input.willingToRelocate,
  };
  await db.$transaction(async (tx) => {
    const profile = await tx.seekerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await tx.seekerProfession.deleteMany({ where: { profileId: profile.id } });
    await tx.seekerProfession.createMany({ data: input.professionIds.map((professionId) => ({ profileId: profile.id, professionId })) });
    await tx.subscription.updateMany({ where: { userId }, data: { districtId: input.districtId } }); // follows a move
  });
}

export async function readProfile(db: Db, pii: Pii, userId: number) {
  const profile = await db.seekerProfile.findUnique({
    where: { userId },
    include: { district: { include: { region: true } }, professions: { include: { profession: true } } },
  });
  if (!profile) return null;
  return { ...profile, iin: pii.decrypt(profile.iinCipher), phone: pii.decrypt(profile.phoneCipher) };
}
export type ProfileView = NonNullable<Awaited<ReturnType<typeof readProfile>>>;

/**
 * Erases the profile and every personal field; applications stay only as anonymous rows
 * (their snapshot of age group and flags) for the reports. The questions the person typed go too:
 * people type their IIN and phone in free text.
 */
export async function eraseProfile(db: Db, userId: number): Promise<void> {
  await db.$transaction([
    db.application.updateMany({ where: { userId }, data: { userId: null } }),
    db.seekerProfile.deleteMany({ where: { userId } }),
    db.consent.deleteMany({ where: { userId } }),
    db.faqQuestion.deleteMany({ where: { userId } }),
    db.user.update({ where: { id: userId }, data: { firstName: null, username: null } }),
  ]);
}

export function searchProfessions(db: Db, query: string, lang: "kk" | "ru") {
  const field = lang === "kk" ? "nameKk" : "nameRu";
  return db.profession.findMany({
    where: query ? { OR: [{ nameKk: { contains: query, mode: "insensitive" } }, { nameRu: { contains: query, mode: "insensitive" } }] } : {},
    orderBy: { [field]: "asc" },
  });
}
