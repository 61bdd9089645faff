// The bot's HTTP server on a free port of 127.0.0.1 for a test: its address and how to close it.
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createHttpServer } from "../../src/server/http.js";
import { createWebApp, type WebDeps } from "../../src/web/app.js";
import { TOKEN, type Harness } from "./harness.js";

export interface WebServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/** The web pages on the harness's services, with the test bot's token; `options` adds or changes what is given. */
export async function serveWeb(harness: Harness, options: Partial<WebDeps> = {}): Promise<WebServer> {
  const web = createWebApp({
    services: harness.services,
    i18n: harness.i18n,
    botToken: TOKEN,
    log: pino({ level: "silent" }),
    now: () => new Date(),
    ...options,
  });
  const server = createHttpServer({ web });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
