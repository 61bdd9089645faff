// Job-seeker profiles: consent, registration, reading and erasing.
import type { Store } from "../db/store.js";
import { standingOf, type SeekerStatus } from "../domain/person.js";
import type { Sex } from "../domain/iin.js";
import type { Pii } from "./pii.js";
import { sql } from "kysely";
import { prepared, q } from "../db/typed.js";

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

/** Asked before applying: compiled once. */
const profileIdStatement = prepared((p: { userId: number }) =>
  q.selectFrom("SeekerProfile").select("id").where("userId", "=", p.userId),
);

export async function hasProfile(store: Store, userId: number): Promise<boolean> {
  return (await store.all(profileIdStatement({ userId }))).length > 0;
}

/** True when another account registered this IIN (whose it is stays unsaid). */
export async function iinTakenByAnother(store: Store, pii: Pii, iin: string, userId: number): Promise<boolean> {
  const found = await store.db.seekerProfile.findUnique({
    where: { iinHash: pii.hash(iin) },
    select: { userId: true },
  });
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
  const profile = {
    fullName: input.fullName,
    birthDate: input.birthDate,
    sex: input.sex,
    status: input.status,
    studying: input.studying,
    working: input.working,
    districtId: input.districtId,
    anyWork: input.anyWork,
    willingToRelocate: input.willingToRelocate,
    ...sealed,
    updatedAt: now,
  };
  await store.transaction(async (tx) => {
    const [existing] = await tx.all(
      q.selectFrom("SeekerProfile").select("id").where("userId", "=", userId).forUpdate(),
    );
    if (!existing && (!sealed.iinCipher || !sealed.phoneCipher))
      throw new Error("a new profile needs the IIN and the phone");
    const [saved] = await tx.all(
      existing
        ? q.updateTable("SeekerProfile").set(profile).where("id", "=", existing.id).returning("id")
        : q
            .insertInto("SeekerProfile")
            .values({
              ...profile,
              iinCipher: sealed.iinCipher!,
              iinHash: sealed.iinHash!,
              phoneCipher: sealed.phoneCipher!,
              userId,
              createdAt: now,
            })
            .returning("id"),
    );
    await tx.run(q.deleteFrom("SeekerProfession").where("profileId", "=", saved!.id));
    const professions = [...new Set(input.professionIds)];
    if (professions.length)
      await tx.run(
        q
          .insertInto("SeekerProfession")
          .values(professions.map((professionId) => ({ profileId: saved!.id, professionId }))),
      );
    await tx.run(q.updateTable("Subscription").set({ districtId: input.districtId }).where("userId", "=", userId)); // follows a move
  });
}

/** What an edit starts from: the profile without its sealed values. */
export function profileForEdit(store: Store, userId: number) {
  return store.db.seekerProfile.findUnique({
    where: { userId },
    select: {
      fullName: true,
      birthDate: true,
      sex: true,
      status: true,
      studying: true,
      working: true,
      districtId: true,
      anyWork: true,
      willingToRelocate: true,
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
  return {
    ...profile,
    iin: pii.decrypt(profile.iinCipher),
    phone: pii.decrypt(profile.phoneCipher),
    standing: standingOf(profile, today),
  };
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
    const [user] = await tx.all(
      q
        .selectFrom("User")
        .select([sql<string[]>`coalesce(roles::text[], '{}')`.as("roles"), "firstName", "username", "telegramId"]) // an enum array, read as text[]
        .where("id", "=", userId)
        .forUpdate(),
    );
    if (!user) return "erased";
    if (user.roles.length > 0) return "holds_role";
    const now = new Date();
    const nameThen =
      [user.firstName, user.username ? `@${user.username}` : null].filter(Boolean).join(" ") || String(user.telegramId);
    const own = q.selectFrom("Application").select("id").where("userId", "=", userId);
    await tx.run(
      q
        .updateTable("ApplicationEvent")
        .set({ note: null, actorUserId: sql<number | null>`nullif("actorUserId", ${userId})` })
        .where("applicationId", "in", own),
    );
    await tx.run(
      q.updateTable("Application").set({ userId: null, rejectNote: null, updatedAt: now }).where("userId", "=", userId),
    );
    await tx.run(
      q
        .updateTable("AuditLog")
        .set({ actorUserId: null, after: sql`after - 'telegramId'` })
        .where("actorUserId", "=", userId)
        .where("action", "=", "refused"),
    );
    await tx.run(
      q
        .updateTable("AuditLog")
        .set({ actorName: nameThen })
        .where("actorUserId", "=", userId)
        .where("actorName", "is", null),
    );
    for (const table of [
      "SeekerProfile",
      "Consent",
      "FaqQuestion",
      "Notification",
      "Subscription",
      "LoanObligation",
    ] as const) {
      await tx.run(q.deleteFrom(table).where("userId", "=", userId));
    }
    await tx.run(q.deleteFrom("IinClaim").where("claimantUserId", "=", userId));
    if (sessionKeys.length) await tx.run(q.deleteFrom("Session").where("key", "in", sessionKeys));
    await tx.run(
      q
        .updateTable("User")
        .set({
          firstName: null,
          username: null,
          nextMessageAt: null,
          lastLat: null,
          lastLon: null,
          lastLocationAt: null,
        })
        .where("id", "=", userId),
    );
    return "erased";
  });
}

export function searchProfessions(store: Store, query: string, lang: "kk" | "ru") {
  const field = lang === "kk" ? "nameKk" : "nameRu";
  return store.db.profession.findMany({
    where: query
      ? {
          OR: [
            { nameKk: { contains: query, mode: "insensitive" } },
            { nameRu: { contains: query, mode: "insensitive" } },
          ],
        }
      : {},
    orderBy: { [field]: "asc" },
  });
}
