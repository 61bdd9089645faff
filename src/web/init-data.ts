// Telegram's Mini App initData: signed by Telegram with a key made from the bot's token (HMAC, as
// Telegram's Mini App documentation describes), checked here with @telegram-apps/init-data-node.
import { parse, validate } from "@telegram-apps/init-data-node";
import { z } from "zod";

/** How long an opened desk stays signed in: Telegram signs initData when the Mini App opens. */
export const INIT_DATA_MAX_AGE_SECONDS = 24 * 60 * 60;
/** initData is a short query string; anything longer is no initData. */
const INIT_DATA_MAX_LENGTH = 8_192;

const telegramUser = z.object({ id: z.number().int().positive(), first_name: z.string().optional(), language_code: z.string().optional() });

export type InitDataUser = z.infer<typeof telegramUser>;

/** The Telegram user the initData was signed for, or null when it is missing, forged or too old. */
export function userOfInitData(initData: string | undefined, botToken: string, now: Date): InitDataUser | null {
  if (!initData || initData.length > INIT_DATA_MAX_LENGTH) return null;
  try {
    validate(initData, botToken, { expiresIn: 0 });
    const data = parse(initData);
    const age = (now.getTime() - data.auth_date.getTime()) / 1000;
    if (age > INIT_DATA_MAX_AGE_SECONDS || age < -300) return null; // signed in the future: a wrong clock or a forgery
    const user = telegramUser.safeParse(data.user);
    return user.success ? user.data : null;
  } catch {
    return null;
  }
}
