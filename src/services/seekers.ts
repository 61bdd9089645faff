// Job-seeker profiles: consent, registration, reading and erasing.
import type { Store } from "../db/store.js";
import { columns } from "../db/sql.js";
import { standingOf, type SeekerStatus } from "../domain/person.js";
import type { Sex } from "../domain/iin.js";
import type { Pii } from "./pii.js";
import { Prisma } from "../generated/prisma/client.js";

/** The version of the consent text in locales (seeker:consent.text); bump both together. */
export const CONSENT_VERSION = "2026-12-07";

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

export async function recordConsent(store: Store, userId: number): Promise<void> {
  await store.db.consent.create({ data: { userId, version: CONSENT_VERSION } });
}

export async function hasConsent(store: Store, userId: number): Promise<boolean> {
  return (await store.db.consent.count({ where: { userId, version: CONSENT_VERSION } })) > 0;
}

export async function hasProfile(store: Store, userId: number): Promise<boolean> {
  const [row] = await store.rows<{ found: boolean }>(Prisma.sql`select exists (select 1 from "SeekerProfile" where "userId" = ${userId}) as found`);
  return row!.found;
}

/** True when another account registered this IIN (whose it is stays unsaid). */
export async function iinTakenByAnother(store: Store, pii: Pii, iin: string, userId: number): Promise<boolean> {
  const found = await store.db.seekerProfile.findUnique({ where: { iinHash: pii.hash(iin) }, select: { userId: true } });
  return found !== null && found.userId !== userId;
}

/** A new profile needs every field; an edit may leave out the IIN and the phone, which then stay as stored. */
export type ProfileSave = Omit<ProfileInput, "iin" | "phone"> & { iin?: string; phone?: string };

export async function saveProfile(store: Store, pii: Pii, userId: number, input: ProfileSave): Promise<void> {
  const sealed = {
    ...(input.iin !== undefined ? { iinCipher: pii.encrypt(input.iin), iinHash: pii.hash(input.iin) } : {}),
    ...(input.phone !== undefined ? { phoneCipher: pii.encrypt(input.phone) } : {}),
  };
  const now = new Date();
  const profile = columns({
    fullName: input.fullName, birthDate: Prisma.sql`${input.birthDate}::date`, sex: Prisma.sql`${input.sex}::"Sex"`,
    status: Prisma.sql`${input.status}::"SeekerStatus"`, studying: input.studying, working: input.working, districtId: input.districtId,
    anyWork: input.anyWork, willingToRelocate: input.willingToRelocate, ...sealed, updatedAt: now,
  });
  await store.transaction(async (tx) => {
    const [existing] = await tx.rows<{ id: number }>(Prisma.sql`select id from "SeekerProfile" where "userId" = ${userId} for update`);
    if (!existing && (!sealed.iinCipher || !sealed.phoneCipher)) throw new Error("a new profile needs the IIN and the phone");
    const [saved] = existing
      ? await tx.rows<{ id: number }>(Prisma.sql`update "SeekerProfile" set ${profile.assignments} where id = ${existing.id} returning id`)
      : await tx.rows<{ id: number }>(Prisma.sql`
          insert into "SeekerProfile" ("userId", "createdAt", ${profile.names}) values (${userId}, ${now}, ${profile.values}) returning id`);
    await tx.execute(Prisma.sql`delete from "SeekerProfession" where "profileId" = ${saved!.id}`);
    await tx.execute(Prisma.sql`
      insert into "SeekerProfession" ("profileId", "professionId") select ${saved!.id}, unnest(${input.professionIds}::int[]) on conflict do nothing`);
    await tx.execute(Prisma.sql`update "Subscription" set "districtId" = ${input.districtId} where "userId" = ${userId}`); // follows a move
  });
}

/** What an edit starts from: the profile without its sealed values. */
export function profileForEdit(store: Store, userId: number) {
  return store.db.seekerProfile.findUnique({
    where: { userId },
    select: {
      fullName: true, birthDate: true, sex: true, status: true, studying: true, working: true, districtId: true, anyWork: true, willingToRelocate: true,
      professions: { select: { professionId: true } },
    },
  });
}

export async function readProfile(store: Store, pii: Pii, userId: number, today = new Date()) {
  const profile = await store.db.seekerProfile.findUnique({
    where: { userId },
    include: { district: { include: { region: true } }, professions: { include: { profession: true } } },
  });
  if (!profile) return null;
  return { ...profile, iin: pii.decrypt(profile.iinCipher), phone: pii.decrypt(profile.phoneCipher), standing: standingOf(profile, today) };
}
export type ProfileView = NonNullable<Awaited<ReturnType<typeof readProfile>>>;

export type ErasureOutcome = "erased" | "holds_role";

/**
 * "Delete my data": afterwards nothing links to the person's Telegram account but the account row
 * itself (its id and language, so the bot still speaks their language) and their applications as
 * anonymous rows for the programme's reports (their snapshot of age group and flags, no note).
 * Gone: the profile, the consent, the questions they typed (people type their IIN and phone in free
 * text), their notifications, subscription, loans, IIN requests and the conversation in progress
 * (`sessionKeys`), the staff's notes on their applications, their own steps in their applications'
 * history and their refused presses in the audit log.
 *
 * What someone did as staff or admin is the service's record, not their personal data (the law on
 * personal data's exception for records the operator must keep): those entries keep their actor, and
 * the name the person had then is written into them. Someone who holds a role is refused: an admin
 * removes the role first (removal keeps the trail).
 */
export async function eraseMyData(store: Store, userId: number, sessionKeys: string[]): Promise<ErasureOutcome> {
  return store.transaction(async (tx) => {
    const [user] = await tx.rows<{ roles: string[]; firstName: string | null; username: string | null; telegramId: bigint }>(Prisma.sql`
      select coalesce(roles::text[], '{}') as roles, "firstName", username, "telegramId" from "User" where id = ${userId} for update`);
    if (!user) return "erased";
    if (user.roles.length > 0) return "holds_role";
    const now = new Date();
    const nameThen = [user.firstName, user.username ? `@${user.username}` : null].filter(Boolean).join(" ") || String(user.telegramId);
    const own = Prisma.sql`select id from "Application" where "userId" = ${userId}`;
    await tx.execute(Prisma.sql`
      update "ApplicationEvent" set note = null, "actorUserId" = nullif("actorUserId", ${userId}) where "applicationId" in (${own})`);
    await tx.execute(Prisma.sql`update "Application" set "userId" = null, "rejectNote" = null, "updatedAt" = ${now} where "userId" = ${userId}`);
    await tx.execute(Prisma.sql`
      update "AuditLog" set "actorUserId" = null, after = after - 'telegramId' where "actorUserId" = ${userId} and action = 'refused'`);
    await tx.execute(Prisma.sql`
      update "AuditLog" set "actorName" = ${nameThen} where "actorUserId" = ${userId} and "actorName" is null`);
    for (const table of ["SeekerProfile", "Consent", "FaqQuestion", "Notification", "Subscription", "LoanObligation"]) {
      await tx.execute(Prisma.sql`delete from ${Prisma.raw(`"${table}"`)} where "userId" = ${userId}`);
    }
    await tx.execute(Prisma.sql`delete from "IinClaim" where "claimantUserId" = ${userId}`);
    await tx.execute(Prisma.sql`delete from "Session" where key = any(${sessionKeys}::text[])`);
    await tx.execute(Prisma.sql`
      update "User" set "firstName" = null, username = null, "nextMessageAt" = null, "lastLat" = null, "lastLon" = null, "lastLocationAt" = null
      where id = ${userId}`);
    return "erased";
  });
}

export function searchProfessions(store: Store, query: string, lang: "kk" | "ru") {
  const field = lang === "kk" ? "nameKk" : "nameRu";
  return store.db.profession.findMany({
    where: query ? { OR: [{ nameKk: { contains: query, mode: "insensitive" } }, { nameRu: { contains: query, mode: "insensitive" } }] } : {},
    orderBy: { [field]: "asc" },
  });
}
