// The bot's web pages on Hono: GET /healthz, the public progress page and its open data, and the
// staff desk under WEB_APP_URL's path (when it is set). Security headers on every answer: a
// Content-Security-Policy allowing only our own files and Telegram's Mini App script (that one file,
// not all of telegram.org), and framing only by Telegram's web clients.
import { Hono } from "hono";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { i18n } from "i18next";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import { deskRoutes } from "./desk/routes.js";
import { publicRoutes, type PublicCaches } from "./public/routes.js";
import { TELEGRAM_SCRIPT } from "./desk/shell.js";

export interface WebDeps {
  services: Services;
  i18n: i18n;
  botToken: string;
  log: Logger;
  now: () => Date;
  /** WEB_APP_URL's path ("/desk"); no desk when undefined. */
  deskPath?: string;
  /** The bot's username, for the public pages' "Apply in Telegram" links. */
  botUsername?: string;
  /** The public pages' caches (made by the routes unless given: a test reads their size). */
  publicCaches?: PublicCaches;
}

/** Telegram's web clients show a Mini App in a frame of theirs; its apps open it in a web view. */
const TELEGRAM_FRAMES = ["https://web.telegram.org", "https://webk.telegram.org", "https://webz.telegram.org"];

export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono({ strict: false });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", TELEGRAM_SCRIPT],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'", ...TELEGRAM_FRAMES],
      },
      xFrameOptions: false, // frame-ancestors says who may frame the pages; X-Frame-Options cannot name Telegram
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compress()); // pages, fragments and open data travel gzipped to a browser that asks
  app.get("/healthz", async (c) =>
    (await deps.services.upkeep.databaseAnswers()) ? c.text("ok") : c.text("database unavailable", 503),
  );
  app.route("/", publicRoutes({ ...deps, caches: deps.publicCaches }));
  if (deps.deskPath !== undefined) {
    const base = deps.deskPath.replace(/\/+$/, "");
    app.route(base || "/", deskRoutes({ ...deps, base }));
  }
  app.onError((error, c) => {
    deps.log.error({ err: error }, "http request failed");
    return c.text("", 500);
  });
  return app;
}
