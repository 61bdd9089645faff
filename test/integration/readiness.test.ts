// /healthz is the liveness, /readyz the readiness a load balancer asks: 200 only when the database
// answers, the migrations are applied and the job queue runs, with which check failed otherwise.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp, type Readiness } from "../../src/web/app.js";
import { closeTestBot, openTestBot, type TestBot } from "../helpers/harness.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await openTestBot();
});
afterAll(() => closeTestBot(bot));

const appWith = (checks: Readiness) =>
  createWebApp({
    services: bot.harness.services,
    i18n: bot.harness.i18n,
    botToken: "x",
    log: pino({ level: "silent" }),
    now: () => new Date(),
    ready: async () => checks,
  });

describe("readiness", () => {
  it("is 200 when every check passes, 503 naming the one that does not", async () => {
    const ready = await appWith({ database: true, migrations: true, jobs: true }).request("/readyz");
    expect(ready.status).toBe(200);
    for (const failing of ["database", "migrations", "jobs"] as const) {
      const answer = await appWith({ database: true, migrations: true, jobs: true, [failing]: false }).request(
        "/readyz",
      );
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ [failing]: false });
    }
    // The liveness does not wait for the job queue.
    expect((await appWith({ database: true, migrations: true, jobs: false }).request("/healthz")).status).toBe(200);
  });

  it("hides /metrics unless METRICS_TOKEN is set", async () => {
    const { createMetrics } = await import("../../src/observability/metrics.js");
    const base = {
      services: bot.harness.services,
      i18n: bot.harness.i18n,
      botToken: "x",
      log: pino({ level: "silent" }),
      now: () => new Date(),
    };
    expect((await createWebApp({ ...base, metrics: createMetrics() }).request("/metrics")).status).toBe(404);
    const guarded = createWebApp({ ...base, metrics: createMetrics(), metricsToken: "a-long-enough-token-123" });
    expect((await guarded.request("/metrics")).status).toBe(401);
    const scraped = await guarded.request("/metrics", { headers: { authorization: "Bearer a-long-enough-token-123" } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("# TYPE bot_updates_total counter");
  });
});
