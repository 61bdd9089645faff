// deploy/: Prometheus' alert rules and Grafana's dashboard, read as their tools read them, and
// every metric they name checked against the metrics the bot really exposes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { prometheus } from "@hono/prometheus";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createMetrics } from "../../src/observability/metrics.js";

const deploy = path.resolve(import.meta.dirname, "../../deploy");

/** Every metric family the bot's registry holds (histograms also as _bucket, _sum and _count). */
async function exposedNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  prometheus({ registry: metrics.registry }); // the web's request metrics are registered on it
  const names = (await metrics.registry.getMetricsAsJSON()).flatMap((m) =>
    String(m.type) === "histogram" ? [m.name, `${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name],
  );
  return new Set(names);
}

/** The metric names a PromQL expression reads: identifiers followed by a selector, a range or an operator. */
const PROMQL_WORDS = new Set([
  "sum",
  "max",
  "min",
  "by",
  "rate",
  "increase",
  "histogram_quantile",
  "time",
  "and",
  "on",
  "le",
]);
const metricsIn = (expr: string) =>
  [...expr.replace(/\{[^}]*\}/g, "{}").matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((word) => !PROMQL_WORDS.has(word) && /_/.test(word));

const rule = z.object({
  alert: z.string().regex(/^[A-Z][A-Za-z]+$/),
  expr: z.string().min(1),
  for: z.string().regex(/^\d+[smh]$/),
  labels: z.object({ severity: z.enum(["warning", "critical"]) }),
  annotations: z.object({ summary: z.string().min(10), runbook: z.string().min(20) }),
});
const rules = z.object({ groups: z.array(z.object({ name: z.string(), rules: z.array(rule).min(1) })).min(1) });

describe("the alert rules", () => {
  const file = rules.parse(parse(readFileSync(path.join(deploy, "prometheus/alerts.yml"), "utf8")));
  const all = file.groups.flatMap((g) => g.rules);

  it("cover what an operator must act on", () => {
    expect(all.map((r) => r.alert).sort()).toEqual(
      [
        "BotHandlesNoUpdates",
        "DatabasePoolWaiting",
        "EventLoopLagging",
        "MonthlyReportDidNotRun",
        "OutboxBehind",
        "OutboxGivingUp",
        "TelegramRateLimited",
      ].sort(),
    );
  });

  it("read only metrics the bot exposes", async () => {
    const exposed = await exposedNames();
    const unknown = all.flatMap((r) =>
      metricsIn(r.expr)
        .filter((name) => !exposed.has(name))
        .map((n) => `${r.alert}: ${n}`),
    );
    expect(unknown).toEqual([]);
    expect(all.every((r) => metricsIn(r.expr).length > 0)).toBe(true);
  });
});

describe("the Grafana dashboard", () => {
  const panel = z.object({
    id: z.number(),
    type: z.enum(["timeseries", "stat", "gauge", "table"]),
    title: z.string().min(3),
    gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
    datasource: z.object({ type: z.literal("prometheus"), uid: z.literal("prometheus") }),
    targets: z.array(z.object({ refId: z.string(), expr: z.string().min(1) })).min(1),
  });
  const dashboard = z.object({
    uid: z.string(),
    title: z.string(),
    schemaVersion: z.number().int().min(30),
    panels: z.array(panel).min(8),
  });
  const json = dashboard.parse(
    JSON.parse(readFileSync(path.join(deploy, "grafana/dashboards/roadmap-bot.json"), "utf8")),
  );

  it("loads as Grafana's dashboard model, with the provisioned data source", () => {
    const source = parse(readFileSync(path.join(deploy, "grafana/provisioning/datasources/prometheus.yml"), "utf8"));
    expect(source.datasources[0].uid).toBe("prometheus");
    expect(new Set(json.panels.map((p) => p.id)).size).toBe(json.panels.length);
  });

  it("reads only metrics the bot exposes", async () => {
    const exposed = await exposedNames();
    const unknown = json.panels.flatMap((p) =>
      p.targets.flatMap((t) =>
        metricsIn(t.expr)
          .filter((name) => !exposed.has(name))
          .map((n) => `${p.title}: ${n}`),
      ),
    );
    expect(unknown).toEqual([]);
  });
});
