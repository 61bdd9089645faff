// The staff desk's queue page rendered by the server (the initData checked, the account read, the
// queue and its counts queried, the HTML made) for a centre of the Almaty region among a million
// applications: Hono's in-process request, no network in between.
import { sign } from "@telegram-apps/init-data-node";
import pino from "pino";
import { createI18n } from "../src/presentation/i18n.js";
import type { Store } from "../src/db/store.js";
import { createServices } from "../src/services/index.js";
import { createPii } from "../src/services/pii.js";
import { createWebApp } from "../src/web/app.js";
import { BENCH_STAFF_TELEGRAM_ID, regionStaff } from "./lookups.js";
import { latency, timed, type Latency } from "./stats.js";

const TOKEN = "123456:BENCH-desk-token-0123456789";

export async function deskQueuePages(
  store: Store,
  runs = 200,
): Promise<{ first: Latency; filtered: Latency; deep: Latency; byProject: Latency }> {
  await regionStaff(store.db);
  const services = createServices({
    store,
    pii: createPii(Buffer.alloc(32, 11)),
    outbox: { enqueue: async () => undefined },
  });
  const app = createWebApp({
    services,
    i18n: await createI18n(),
    botToken: TOKEN,
    log: pino({ level: "silent" }),
    now: () => new Date(),
    deskPath: "/desk",
  });
  const headers = {
    authorization: `tma ${sign({ user: { id: Number(BENCH_STAFF_TELEGRAM_ID), first_name: "Bench" } }, TOKEN, new Date())}`,
  };
  const measure = async (path: string) => {
    const page = async () => {
      const response = await app.request(`/desk/app/${path}`, { headers });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return response.text();
    };
    for (let i = 0; i < 10; i++) await page();
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) durations.push((await timed(page))[0]);
    return latency(durations);
  };
  return {
    first: await measure("queue"),
    filtered: await measure("queue?status=submitted&priority=1&dir=desc"),
    deep: await measure("queue?status=all&page=200"),
    byProject: await measure("queue?status=submitted&priority=1&sort=project&dir=desc"),
  };
}
