// The bot's web pages on Hono: GET /healthz, the public progress page and its open data, and the
// staff desk under WEB_APP_URL's path (when it is set). Security headers on every answer: a
// Content-Security-Policy allowing only our own files and Telegram's Mini App script (that one file,
// not all of telegram.org), and framing only by Telegram's web clients.
import { createHash, timingSafeEqual } from "node:crypto";
import { prometheus } from "@hono/prometheus";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { i18n } from "i18next";
import type { Logger } from "../logger.js";
import type { Metrics } from "../observability/metrics.js";
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
  /** The process's metrics: requests counted by route and status; /metrics with `metricsToken`. */
  metrics?: Metrics;
  /** The bearer token /metrics asks for (METRICS_TOKEN); no /metrics without it. */
  metricsToken?: string;
  /** Whether the demo history is still being loaded (the desk's report says so). */
  demoLoading?: () => boolean;
  /** Readiness (/readyz): the database answers, the migrations are applied, the job queue runs. */
  ready?: () => Promise<Readiness>;
}

export type Readiness = Record<"database" | "migrations" | "jobs", boolean>;

/** The token compared in constant time, over hashes so that lengths tell nothing. */
function sameToken(sent: string | undefined, token: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token));
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
  if (deps.metrics) {
    const { printMetrics, registerMetrics } = prometheus({ registry: deps.metrics.registry });
    app.use(registerMetrics);
    const token = deps.metricsToken;
    // Behind the bot's one public port: only a scraper that knows METRICS_TOKEN is answered.
    app.get("/metrics", async (c) => {
      if (!token) return c.notFound();
      if (!sameToken(c.req.header("authorization")?.replace(/^Bearer /, ""), token)) return c.text("", 401);
      return printMetrics(c);
    });
  }
  app.use(compress()); // pages, fragments and open data travel gzipped to a browser that asks
  // Liveness: the process answers and reaches its database.
  app.get("/healthz", async (c) =>
    (await deps.services.upkeep.databaseAnswers()) ? c.text("ok") : c.text("database unavailable", 503),
  );
  // Readiness, for a load balancer in front of several instances: send updates and people here only when all is up.
  app.get("/readyz", async (c) => {
    const checks = deps.ready
      ? await deps.ready()
      : { database: await deps.services.upkeep.databaseAnswers(), migrations: true, jobs: true };
    return c.json(checks, Object.values(checks).every(Boolean) ? 200 : 503);
  });
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
