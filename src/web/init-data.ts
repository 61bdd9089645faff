// Telegram's Mini App initData: signed by Telegram with a key made from the bot's token (HMAC, as
// Telegram's Mini App documentation describes), checked here with @telegram-apps/init-data-node.
import { validate } from "@telegram-apps/init-data-node";
import { z } from "zod";

/** How long an opened desk may read: Telegram signs initData when the Mini App opens. */
export const INIT_DATA_MAX_AGE_SECONDS = 24 * 60 * 60;
/**
 * How long it may act (a referral, a rejection, an IIN shown): a phone left open on a desk is an
 * hour's risk at most; reopening the Mini App signs anew.
 */
export const INIT_DATA_ACT_MAX_AGE_SECONDS = 60 * 60;
/** initData is a short query string; anything longer is no initData. */
const INIT_DATA_MAX_LENGTH = 8_192;

const telegramUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string().optional(),
  language_code: z.string().optional(),
});

export type InitDataUser = z.infer<typeof telegramUser>;

export interface SignedUser {
  user: InitDataUser;
  /** Seconds since Telegram signed it. */
  age: number;
}

/**
 * The Telegram user the initData was signed for and how long ago, or null when it is missing,
 * forged or older than a day. Read from the checked query string itself: older Telegram clients
 * send no `signature` field (the third-party signature), which the library's parser requires.
 */
export function userOfInitData(initData: string | undefined, botToken: string, now: Date): SignedUser | null {
  if (!initData || initData.length > INIT_DATA_MAX_LENGTH) return null;
  try {
    validate(initData, botToken, { expiresIn: 0 });
    const fields = new URLSearchParams(initData);
    const age = now.getTime() / 1000 - Number(fields.get("auth_date"));
    if (!Number.isFinite(age) || age > INIT_DATA_MAX_AGE_SECONDS || age < -300) return null; // signed in the future: a wrong clock or a forgery
    const user = telegramUser.safeParse(JSON.parse(fields.get("user") ?? "null"));
    return user.success ? { user: user.data, age: Math.max(0, age) } : null;
  } catch {
    return null;
  }
}
