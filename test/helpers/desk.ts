// The staff desk on a real HTTP server (the bot's), with initData signed as Telegram signs it.
import { createHmac } from "node:crypto";
import { sign } from "@telegram-apps/init-data-node";
import { TOKEN, type Harness } from "./harness.js";
import { serveWeb } from "./web.js";

export const DESK_PATH = "/desk";

/** initData for a Telegram user, signed with `token` (the bot's unless told) at `authDate`. */
export const initDataFor = (user: { id: number; first_name?: string }, authDate: Date, token = TOKEN) =>
  sign({ user: { id: user.id, first_name: user.first_name ?? "Staff" }, query_id: "AAF-test" }, token, authDate);

/** initData as older Telegram clients send it: signed, with no `signature` field at all. */
export function initDataWithoutSignature(
  user: { id: number; first_name?: string },
  authDate: Date,
  token = TOKEN,
): string {
  const fields = new URLSearchParams({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: "AAF-old",
    user: JSON.stringify({ id: user.id, first_name: user.first_name ?? "Staff" }),
  });
  const checked = [...fields.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  fields.set("hash", createHmac("sha256", secret).update(checked).digest("hex"));
  return fields.toString();
}

export interface Desk {
  /** http://127.0.0.1:<port> */
  origin: string;
  url: string;
  close(): Promise<void>;
  /** A request to /desk/app/<path> with the initData in the Authorization header (none when null). */
  request(
    path: string,
    initData: string | null,
    init?: { method?: string; form?: Record<string, string>; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function startDesk(harness: Harness, now: () => Date): Promise<Desk> {
  const { origin, close } = await serveWeb(harness, { now, deskPath: DESK_PATH });
  return {
    origin,
    url: `${origin}${DESK_PATH}/`,
    close,
    request(path, initData, init = {}) {
      const headers: Record<string, string> = {
        ...init.headers,
        ...(initData === null ? {} : { authorization: `tma ${initData}` }),
      };
      const body = init.form ? new URLSearchParams(init.form) : undefined;
      return fetch(`${origin}${DESK_PATH}/app/${path}`, {
        method: init.method ?? (body ? "POST" : "GET"),
        headers,
        body,
      });
    },
  };
}
