// The staff desk on a real HTTP server (the bot's), with initData signed as Telegram signs it.
import type { AddressInfo } from "node:net";
import { sign } from "@telegram-apps/init-data-node";
import pino from "pino";
import { createHttpServer } from "../../src/server/http.js";
import { createWebApp } from "../../src/web/app.js";
import { TOKEN, type Harness } from "./harness.js";

export const DESK_PATH = "/desk";

/** initData for a Telegram user, signed with `token` (the bot's unless told) at `authDate`. */
export const initDataFor = (user: { id: number; first_name?: string }, authDate: Date, token = TOKEN) =>
  sign({ user: { id: user.id, first_name: user.first_name ?? "Staff" }, query_id: "AAF-test" }, token, authDate);

export interface Desk {
  /** http://127.0.0.1:<port> */
  origin: string;
  url: string;
  close(): Promise<void>;
  /** A request to /desk/app/<path> with the initData in the Authorization header (none when null). */
  request(path: string, initData: string | null, init?: { method?: string; form?: Record<string, string> }): Promise<Response>;
}

export async function startDesk(harness: Harness, now: () => Date): Promise<Desk> {
  const web = createWebApp({ services: harness.services, i18n: harness.i18n, botToken: TOKEN, log: pino({ level: "silent" }), now, deskPath: DESK_PATH });
  const server = createHttpServer({ web });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${DESK_PATH}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    request(path, initData, init = {}) {
      const headers: Record<string, string> = initData === null ? {} : { authorization: `tma ${initData}` };
      const body = init.form ? new URLSearchParams(init.form) : undefined;
      return fetch(`${origin}${DESK_PATH}/app/${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
    },
  };
}
