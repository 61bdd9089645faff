import type { Db } from "../db/client.js";
import type { Role } from "../generated/prisma/enums.js";

export interface Account {
  userId: number;
  language: "kk" | "ru" | null;
  isAdmin: boolean;
  isStaff: boolean;
}

export interface TelegramPerson {
  id: number;
  first_name?: string;
  username?: string;
}

const asLanguage = (value: string | null) => (value === "kk" || value === "ru" ? value : null);

/**
 * The account of a Telegram user, created on first contact. The admin role follows
 * ADMIN_TELEGRAM_IDS: given to the ids listed there, taken from those no longer listed.
 */
export async function findOrCreateAccount(db: Db, person: TelegramPerson, adminIds: readonly bigint[]): Promise<Account> {
  const telegramId = BigInt(person.id);
  const shouldBeAdmin = adminIds.includes(telegramId);
  let user = await db.user.findUnique({ where: { telegramId } });
  if (!user) {
    user = await db.user.upsert({
      where: { telegramId },
      create: { telegramId, firstName: person.first_name, username: person.username, roles: shouldBeAdmin ? ["admin"] : [] },
      update: {},
    });
  }
  // Writing again after blocking the bot: messages may be sent again.
  if (user.blockedAt) user = await db.user.update({ where: { id: user.id }, data: { blockedAt: null } });
  if (user.roles.includes("admin") !== shouldBeAdmin) {
    const roles: Role[] = shouldBeAdmin ? [...user.roles, "admin"] : user.roles.filter((role) => role !== "admin");
    user = await db.user.update({ where: { id: user.id }, data: { roles } });
  }
  return {
    userId: user.id,
    language: asLanguage(user.language),
    isAdmin: shouldBeAdmin,
    isStaff: user.roles.includes("staff"),
  };
}

export async function setLanguage(db: Db, userId: number, language: "kk" | "ru"): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language } });
}
