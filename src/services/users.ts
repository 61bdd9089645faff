import type { Store } from "../db/store.js";
import type { Role } from "../generated/prisma/enums.js";
import { sql } from "kysely";
import { prepared, q } from "../db/typed.js";
import { LOCATION_KEPT_DAYS } from "../domain/retention.js";

export interface Account {
  userId: number;
  language: "kk" | "ru" | null;
  isAdmin: boolean;
  isStaff: boolean;
  /** A contractor's representative (invited with a one-time link). */
  isContractor: boolean;
}

export interface TelegramPerson {
  id: number;
  first_name?: string;
  username?: string;
}

const asLanguage = (value: string | null) => (value === "kk" || value === "ru" ? value : null);

const accountOf = (user: { id: number; language: string | null; roles: Role[] }, isAdmin: boolean): Account => ({
  userId: user.id,
  language: asLanguage(user.language),
  isAdmin,
  isStaff: user.roles.includes("staff"),
  isContractor: user.roles.includes("contractor"),
});

/** A Session row read along with the account: `found` false when there is none. */
export interface StoredSession {
  key: string;
  found: boolean;
  value: unknown;
}

/** Read on every update: compiled once. Roles as text[]: pg hands an enum array back as its text form otherwise. */
const accountStatement = prepared((p: { telegramId: bigint; sessionKey: string }) =>
  q
    .selectFrom("User as u")
    .leftJoin("Session as s", (join) => join.on("s.key", "=", p.sessionKey))
    .select([
      "u.id",
      "u.language",
      sql<Role[]>`coalesce(u.roles::text[], '{}')`.as("roles"),
      "u.blockedAt",
      sql<boolean>`s.key is not null`.as("sessionFound"),
      "s.value as sessionValue",
    ])
    .where("u.telegramId", "=", p.telegramId),
);

/**
 * The account of a Telegram user and, in the same round trip, the Session row under `sessionKey`
 * (the person's conversation state, read on every update). `session` is undefined when the
 * account had to be created or changed: the caller then reads it itself.
 */
export async function loadAccount(
  store: Store,
  person: TelegramPerson,
  adminIds: readonly bigint[],
  sessionKey: string,
): Promise<{ account: Account; session?: StoredSession }> {
  const telegramId = BigInt(person.id);
  const [row] = await store.all(accountStatement({ telegramId, sessionKey }));
  const shouldBeAdmin = adminIds.includes(telegramId);
  if (!row || row.blockedAt || row.roles.includes("admin") !== shouldBeAdmin)
    return { account: await findOrCreateAccount(store, person, adminIds) };
  return {
    account: accountOf(row, shouldBeAdmin),
    session: { key: sessionKey, found: row.sessionFound, value: row.sessionValue },
  };
}

/**
 * The account of a Telegram user, created on first contact. The admin role follows
 * ADMIN_TELEGRAM_IDS: given to the ids listed there, taken from those no longer listed.
 */
export async function findOrCreateAccount(
  store: Store,
  person: TelegramPerson,
  adminIds: readonly bigint[],
): Promise<Account> {
  const telegramId = BigInt(person.id);
  const shouldBeAdmin = adminIds.includes(telegramId);
  let user = await store.db.user.findUnique({ where: { telegramId } });
  if (!user) {
    user = await store.db.user.upsert({
      where: { telegramId },
      create: {
        telegramId,
        firstName: person.first_name,
        username: person.username,
        roles: shouldBeAdmin ? ["admin"] : [],
      },
      update: {},
    });
  }
  // Writing again after blocking the bot: messages may be sent again.
  if (user.blockedAt) user = await store.db.user.update({ where: { id: user.id }, data: { blockedAt: null } });
  if (user.roles.includes("admin") !== shouldBeAdmin) {
    const roles: Role[] = shouldBeAdmin ? [...user.roles, "admin"] : user.roles.filter((role) => role !== "admin");
    user = await store.db.user.update({ where: { id: user.id }, data: { roles } });
  }
  return accountOf(user, shouldBeAdmin);
}

export async function setLanguage(store: Store, userId: number, language: "kk" | "ru"): Promise<void> {
  await store.db.user.update({ where: { id: userId }, data: { language } });
}

/**
 * At start-up the admin role follows ADMIN_TELEGRAM_IDS at once: taken from everyone no longer
 * listed (they stop receiving the country's report before they next write), given to listed people
 * who already have an account. Returns how many accounts changed.
 */
export async function syncAdminRoles(store: Store, adminIds: readonly bigint[]): Promise<number> {
  // Array functions on an enum array, which Kysely has no builders for: typed fragments.
  const listed = sql<boolean>`"telegramId" = any(${[...adminIds]}::bigint[])`;
  return store.run(
    q
      .updateTable("User")
      .set({
        roles: sql<
          Role[]
        >`case when ${listed} then array_append(array_remove(roles, 'admin'::"Role"), 'admin'::"Role") else array_remove(roles, 'admin'::"Role") end`,
      })
      .where(sql<boolean>`('admin'::"Role" = any(roles)) <> (${listed})`),
  );
}

/** The language an account chose, by its Telegram id (null when none or unknown). */
export async function languageOfTelegramUser(store: Store, telegramId: number): Promise<"kk" | "ru" | null> {
  const user = await store.db.user.findUnique({
    where: { telegramId: BigInt(telegramId) },
    select: { language: true },
  });
  return asLanguage(user?.language ?? null);
}

export const userById = (store: Store, id: number) => store.db.user.findUnique({ where: { id } });

/** The accounts holding the admin role. */
export const adminAccounts = (store: Store) =>
  store.db.user.findMany({ where: { roles: { has: "admin" } }, orderBy: { id: "asc" } });

/**
 * The place a person shared last ("near me"), kept for inline mode's order. One prepared statement:
 * sharing a location is a hot path, and Prisma's update cost it more CPU than the list itself.
 */
export async function rememberLocation(
  store: Store,
  userId: number,
  point: { lat: number; lon: number },
  at: Date,
): Promise<void> {
  await store.run(rememberLocationStatement({ userId, lat: point.lat, lon: point.lon, at }));
}
const rememberLocationStatement = prepared((p: { userId: number; lat: number; lon: number; at: Date }) =>
  q.updateTable("User").set({ lastLat: p.lat, lastLon: p.lon, lastLocationAt: p.at }).where("id", "=", p.userId),
);

/**
 * Forgets the locations shared more than LOCATION_KEPT_DAYS ago by people who did not register
 * (a registered person's stays until the next one, or until they erase their data); how many.
 */
export function forgetOldLocations(store: Store, now: Date): Promise<number> {
  const before = new Date(now.getTime() - LOCATION_KEPT_DAYS * 86_400_000);
  return store.run(
    q
      .updateTable("User as u")
      .set({ lastLat: null, lastLon: null, lastLocationAt: null })
      .where("u.lastLocationAt", "<", before)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("SeekerProfile as p").select("p.id").whereRef("p.userId", "=", "u.id"))),
      ),
  );
}
