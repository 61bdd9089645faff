// The process's metrics in Prometheus' format (prom-client), one registry per process: each
// instance behind a load balancer is scraped on its own. Labels carry kinds, methods, routes and
// outcomes only: never a Telegram id, a name or an address with a person's number in it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the database says when scraped: read by the collectors below, never on the hot path. */
export interface ObservedState {
  outbox(): Promise<{ waiting: number; oldestWaitingSeconds: number; sent: number; givenUp: number; blocked: number }>;
  jobs(): Promise<Array<{ queue: string; state: string; count: number }>>;
  /** The last time each scheduled queue ran (pg-boss's jobs and archive), epoch seconds. */
  schedules(): Promise<Array<{ queue: string; lastRunSeconds: number }>>;
  pool(): { total: number; idle: number; waiting: number };
  /** Updates Telegram holds for the bot, not yet fetched or delivered (getWebhookInfo). */
  pendingUpdates(): Promise<number>;
}

export interface Metrics {
  registry: Registry;
  updates: Counter<"kind" | "outcome">;
  updateSeconds: Histogram<"kind">;
  errors: Counter<"kind">;
  telegramCalls: Counter<"method" | "answer">;
  /** Called when a scrape needs the database's figures (main.ts gives it once the services exist). */
  observe(state: ObservedState): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  let state: ObservedState | undefined;
  const metrics: Metrics = {
    registry,
    updates: new Counter({
      name: "bot_updates_total",
      help: "Telegram updates handled, by kind (message, callback_query…) and outcome (ok, error)",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
    updateSeconds: new Histogram({
      name: "bot_update_duration_seconds",
      help: "Time to handle one update, by kind",
      labelNames: ["kind"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "bot_errors_total",
      help: "Errors answered by the error boundary, by kind (not_allowed, database, telegram, bug)",
      labelNames: ["kind"],
      registers: [registry],
    }),
    telegramCalls: new Counter({
      name: "telegram_api_calls_total",
      help: "Calls to the Bot API by method and answer (ok, 429, 4xx, 5xx, network)",
      labelNames: ["method", "answer"],
      registers: [registry],
    }),
    observe(next) {
      state = next;
    },
  };
  const gauge = (name: string, help: string, read: (set: (value: number) => void) => Promise<void> | void) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        if (state) await read((value) => this.set(value));
      },
    });
  // The five outbox gauges of one scrape share one read of the outbox.
  let outboxRead: { at: number; value: ReturnType<ObservedState["outbox"]> } | undefined;
  const outbox = () => {
    if (!outboxRead || Date.now() - outboxRead.at > 1_000) outboxRead = { at: Date.now(), value: state!.outbox() };
    return outboxRead.value;
  };
  gauge("outbox_waiting", "Notifications waiting to be sent", async (set) => set((await outbox()).waiting));
  gauge("outbox_oldest_waiting_seconds", "Age of the oldest notification waiting to be sent", async (set) =>
    set((await outbox()).oldestWaitingSeconds),
  );
  gauge("outbox_sent", "Notifications sent (all time)", async (set) => set((await outbox()).sent));
  gauge("outbox_given_up", "Notifications given up (blocked bot, out of attempts)", async (set) =>
    set((await outbox()).givenUp),
  );
  gauge("outbox_blocked_people", "People who blocked the bot", async (set) => set((await outbox()).blocked));
  new Gauge({
    name: "jobs",
    help: "pg-boss jobs by queue and state",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      if (!state) return;
      this.reset();
      for (const row of await state.jobs()) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: "jobs_schedule_last_run_seconds",
    help: "When each scheduled queue last ran, epoch seconds",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      if (!state) return;
      for (const row of await state.schedules()) this.set({ queue: row.queue }, row.lastRunSeconds);
    },
  });
  gauge("telegram_pending_updates", "Updates Telegram holds for the bot, not yet taken (getWebhookInfo)", async (set) =>
    set(await state!.pendingUpdates()),
  );
  for (const key of ["total", "idle", "waiting"] as const)
    gauge(`db_pool_${key}`, `PostgreSQL pool connections: ${key}`, (set) => set(state!.pool()[key]));
  return metrics;
}

/** The update's kind: its one field besides update_id (message, callback_query, inline_query…). */
export const updateKind = (update: object) => Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
